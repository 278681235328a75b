using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

internal sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<PushSubscriptionRecord> b)
    {
        b.ToTable("PushSubscriptions");
        b.Property(s => s.AccountId).HasMaxLength(64);
        // Push services' endpoints are a few hundred characters; 1000 keeps the unique index within PostgreSQL's limit.
        b.Property(s => s.Endpoint).HasMaxLength(1000);
        b.Property(s => s.P256dh).HasMaxLength(100);
        b.Property(s => s.Auth).HasMaxLength(50);
        b.HasIndex(s => s.Endpoint).IsUnique(); // one row per device
        b.HasIndex(s => s.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(p => p.AccountId);
        b.Property(p => p.AccountId).HasMaxLength(64);
        b.HasOne<Account>().WithOne().HasForeignKey<NotificationPreference>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> b)
    {
        b.ToTable("ReminderDeliveries");
        b.Property(d => d.AccountId).HasMaxLength(64);
        b.Property(d => d.Kind).HasMaxLength(32);
        b.Property(d => d.Subject).HasMaxLength(64);
        b.Property(d => d.LeaseOwner).HasMaxLength(64);
        b.Property(d => d.Channel).HasMaxLength(16);
        // Each reminder goes out once: the second instance's insert of the same one fails here.
        b.HasIndex(d => new { d.AccountId, d.Kind, d.LocalDate, d.Subject }).IsUnique();
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebPushKeyConfiguration : IEntityTypeConfiguration<WebPushKey>
{
    public void Configure(EntityTypeBuilder<WebPushKey> b)
    {
        b.ToTable("WebPushKeys");
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.PublicKey).HasMaxLength(128);
        b.Property(k => k.PrivateKeyProtected).HasMaxLength(512);
    }
}
