using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

internal sealed class ProcessedRequestConfiguration : IEntityTypeConfiguration<ProcessedRequest>
{
    public void Configure(EntityTypeBuilder<ProcessedRequest> b)
    {
        b.ToTable("ProcessedRequests");
        // The key is the client's, so it is unique per account only: another patient's key is another request.
        b.HasKey(r => new { r.AccountId, r.Key });
        b.Property(r => r.AccountId).HasMaxLength(64);
        b.Property(r => r.Key).HasMaxLength(ProcessedRequest.MaxKeyLength);
        b.Property(r => r.Kind).HasMaxLength(32);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
