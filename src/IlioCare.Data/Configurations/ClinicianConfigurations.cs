using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.DisplayName).HasMaxLength(Account.MaxNameLength);
        // Written only by LanguageChoice's conditional UPDATE (and at sign-up's insert), for the same reason as below.
        b.Property(a => a.Language).HasMaxLength(Account.MaxLanguageLength)
            .Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        // Written only by the authenticator check's conditional UPDATE (ReplayProofAuthenticator). Identity's
        // UpdateAsync marks every column modified, and a request holding the account from before a code was
        // accepted (a failed attempt counting toward lockout) would write the old step back and re-open it.
        b.Property(a => a.LastTotpTimeStep).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
    }
}

internal sealed class CareLinkConfiguration : IEntityTypeConfiguration<CareLink>
{
    public void Configure(EntityTypeBuilder<CareLink> b)
    {
        b.ToTable("CareLinks");
        b.Property(l => l.PatientId).HasMaxLength(64);
        b.Property(l => l.ClinicianId).HasMaxLength(64);
        b.Property(l => l.EndedBy).HasMaxLength(64);
        b.Property(l => l.EndReason).HasConversion<WireNameConverter<LinkEnd>>().HasMaxLength(16);
        // Deleting either account deletes the link: the other side must not keep a dangling patient.
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.ClinicianId).OnDelete(DeleteBehavior.Cascade);
        // One active link per pair; ended links stay as history. Quoted identifier works on both providers.
        b.HasIndex(l => new { l.PatientId, l.ClinicianId }).IsUnique().HasFilter("\"EndedAtUtc\" IS NULL");
        b.HasIndex(l => new { l.ClinicianId, l.EndedAtUtc });
        b.Ignore(l => l.IsActive);
    }
}

internal sealed class LinkInviteConfiguration : IEntityTypeConfiguration<LinkInvite>
{
    public void Configure(EntityTypeBuilder<LinkInvite> b)
    {
        b.ToTable("LinkInvites");
        b.Property(i => i.PatientId).HasMaxLength(64);
        b.Property(i => i.CodeHash).HasMaxLength(64);
        b.Property(i => i.RedeemedBy).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.CodeHash).IsUnique();
    }
}

internal sealed class AlertAcknowledgementConfiguration : IEntityTypeConfiguration<AlertAcknowledgement>
{
    public void Configure(EntityTypeBuilder<AlertAcknowledgement> b)
    {
        b.ToTable("AlertAcknowledgements");
        b.Property(a => a.ClinicianId).HasMaxLength(64);
        b.Property(a => a.PatientId).HasMaxLength(64);
        b.Property(a => a.Kind).HasConversion<WireNameConverter<AlertKind>>().HasMaxLength(32);
        b.Property(a => a.EvidenceKey).HasMaxLength(100);
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.ClinicianId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ClinicianId, a.PatientId, a.Kind, a.EvidenceKey }).IsUnique();
    }
}

internal sealed class TreatmentConfiguration : IEntityTypeConfiguration<TreatmentRecord>
{
    public void Configure(EntityTypeBuilder<TreatmentRecord> b)
    {
        b.ToTable("Treatments");
        b.Property(t => t.PatientId).HasMaxLength(64);
        b.Property(t => t.ClinicianId).HasMaxLength(64);
        b.Property(t => t.Kind).HasConversion<WireNameConverter<TreatmentKind>>().HasMaxLength(32);
        b.Property(t => t.Notes).HasMaxLength(2000);
        // The treatment is the patient's record: it goes with the patient's account (F15 delete-my-account).
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.PatientId, t.Date });
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> b)
    {
        b.ToTable("AccessTokens");
        b.Property(t => t.AccountId).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Scopes).HasMaxLength(100).HasDefaultValue(TokenScopes.All);
        b.Property(t => t.SecurityStamp).HasMaxLength(256);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.AccountId);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("AuditHead");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Mac).HasMaxLength(64);
        b.Property(h => h.HeadMac).HasMaxLength(64);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(64);
        b.Property(e => e.Subject).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Detail).HasMaxLength(500);
        b.Property(e => e.Mac).HasMaxLength(64);
        // No foreign keys on purpose: pseudonyms, and the log outlives the accounts it names (F15).
        b.HasIndex(e => new { e.Subject, e.AtUtc });
    }
}

/// <summary>The three roles exist from the first migration on: no start-up seeding race between instances.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.Identity.IdentityRole>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.Identity.IdentityRole> b) => b.HasData(
        Roles.All.Select(name => new Microsoft.AspNetCore.Identity.IdentityRole
        {
            // Fixed ids and stamps: HasData must produce the same rows on every model build.
            Id = "role-" + name, Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = "role-" + name,
        }));
}
