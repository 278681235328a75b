using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using IlioCare.Clinical.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

internal sealed class PatientProfileConfiguration : IEntityTypeConfiguration<PatientProfile>
{
    public void Configure(EntityTypeBuilder<PatientProfile> b)
    {
        b.ToTable("PatientProfiles");
        b.HasKey(p => p.AccountId);
        b.HasOne<Account>().WithOne().HasForeignKey<PatientProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AssessmentRecord>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.SetNull);
        b.Property(p => p.Side).HasConversion<WireNameConverter<Side>>().HasMaxLength(8);
        b.Property(p => p.PainRule).HasConversion<WireNameConverter<PainRule>>().HasMaxLength(16);
        b.Property(p => p.ExcludedExercises).HasConversion(new WireNameSetConverter<ExerciseId>(), new SetComparer<ExerciseId>()).HasMaxLength(300);
        b.Property(p => p.Sports).HasConversion(new WireNameSetConverter<Activity>(), new SetComparer<Activity>()).HasMaxLength(200);
        b.Property(p => p.MassageCautions).HasConversion(new WireNameSetConverter<MassageCaution>(), new SetComparer<MassageCaution>()).HasMaxLength(200);
        b.Property(p => p.TimeZoneId).HasMaxLength(64);
        b.Property(p => p.CalendarFeedToken).HasMaxLength(64);
        b.HasIndex(p => p.CalendarFeedToken).IsUnique();
        b.Ignore(p => p.SelfMassageAllowed);
        b.Property(p => p.ProgramVersion).IsConcurrencyToken();
    }
}
