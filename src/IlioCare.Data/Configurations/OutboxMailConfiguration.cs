using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("OutboxMails");
        b.Property(m => m.To).HasMaxLength(256);
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.LeaseOwner).HasMaxLength(64);
        b.Property(m => m.LastError).HasMaxLength(500);
        // The sender's question: unsent rows that are due.
        b.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
    }
}
