using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("SignInSessions");
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.AccountId).HasMaxLength(64);
        b.Property(s => s.SecurityStamp).HasMaxLength(256);
        b.Property(s => s.Device).HasMaxLength(100);
        // Deleting the account deletes its sessions: a copied cookie of a deleted account finds no row.
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.AccountId);
    }
}
