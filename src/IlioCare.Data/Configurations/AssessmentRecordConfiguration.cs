using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

internal sealed class AssessmentRecordConfiguration : IEntityTypeConfiguration<AssessmentRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentRecord> b)
    {
        b.ToTable("Assessments");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Triage).HasConversion<WireNameConverter<TriageLevel>>().HasMaxLength(16);
        b.Property(a => a.StartPhase).HasConversion<WireNameConverter<Phase>>().HasMaxLength(16);
        b.Property(a => a.InputJson).HasMaxLength(8000);
        b.Property(a => a.ResultJson).HasMaxLength(16000);
        // Deleting an account deletes its assessments (F15 delete-my-account: everything goes).
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.AccountId, a.TakenAtUtc });
    }
}
