using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IlioCare.Data.Configurations;

// Every patient row cascades from the account (F15 delete-my-account: everything goes) and is indexed by
// (account, date): every read is "this patient's days up to D".

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckInRecord>
{
    public void Configure(EntityTypeBuilder<CheckInRecord> b)
    {
        b.ToTable("CheckIns");
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.AccountId, c.Date }).IsUnique();
        // The reminder scheduler's question every 30 s (issue 15 alerts): check-ins edited lately.
        b.HasIndex(c => c.UpdatedAtUtc);
        b.Property(c => c.WarningSigns).HasConversion(new WireNameSetConverter<WarningSign>(), new SetComparer<WarningSign>()).HasMaxLength(400);
        b.Property(c => c.WarningSignsChecked).HasConversion(new WireNameSetConverter<WarningSign>(), new SetComparer<WarningSign>()).HasMaxLength(400);
        b.Property(c => c.SportMinutes).HasConversion(new WireNameMinutesConverter<Activity>(), new MinutesComparer<Activity>()).HasMaxLength(400);
        b.Ignore(c => c.TotalSportMinutes);
    }
}

internal sealed class ExerciseLogConfiguration : IEntityTypeConfiguration<ExerciseLogRecord>
{
    public void Configure(EntityTypeBuilder<ExerciseLogRecord> b)
    {
        b.ToTable("ExerciseLogs");
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.AccountId, l.Date, l.Exercise }).IsUnique();
        // The review's "each exercise's 3 latest sessions before the window" (PatientHistory.OlderSessionsAsync, issue 17)
        // seeks here; on the index above, an exercise with fewer than 3 older sessions walked the whole history.
        b.HasIndex(l => new { l.AccountId, l.Exercise, l.Date });
        b.Property(l => l.Exercise).HasConversion<WireNameConverter<ExerciseId>>().HasMaxLength(32);
        b.Property(l => l.Resistance).HasConversion<WireNameConverter<Resistance>>().HasMaxLength(8);
    }
}

internal sealed class DoseConfiguration : IEntityTypeConfiguration<DoseRecord>
{
    public void Configure(EntityTypeBuilder<DoseRecord> b)
    {
        b.ToTable("Doses");
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.AccountId, d.Exercise, d.EffectiveFrom }).IsUnique();
        b.Property(d => d.Exercise).HasConversion<WireNameConverter<ExerciseId>>().HasMaxLength(32);
        b.Property(d => d.Resistance).HasConversion<WireNameConverter<Resistance>>().HasMaxLength(8);
        b.Property(d => d.Action).HasConversion<WireNameConverter<ProgressionAction>>().HasMaxLength(16);
        b.Property(d => d.Reason).HasMaxLength(1000);
        b.Property(d => d.SetBy).HasMaxLength(64);
        b.Property(d => d.Note).HasMaxLength(1000);
    }
}

internal sealed class ProgramStateConfiguration : IEntityTypeConfiguration<ProgramStateRecord>
{
    public void Configure(EntityTypeBuilder<ProgramStateRecord> b)
    {
        b.ToTable("ProgramStates");
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.AccountId, s.EffectiveOn }).IsUnique();
        b.Property(s => s.Phase).HasConversion<WireNameConverter<Phase>>().HasMaxLength(16);
        b.Property(s => s.Move).HasConversion<WireNameConverter<PhaseMove>>().HasMaxLength(16);
        b.Property(s => s.Reason).HasMaxLength(1000);
        b.Property(s => s.SetBy).HasMaxLength(64);
        b.Property(s => s.Note).HasMaxLength(1000);
    }
}

internal sealed class PauseConfiguration : IEntityTypeConfiguration<PauseRecord>
{
    public void Configure(EntityTypeBuilder<PauseRecord> b)
    {
        b.ToTable("Pauses");
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        // One pause per start day (issue 13 finding 7): a pause begun and ended today is removed, not kept, so a
        // second row on the same day can only be a racing duplicate, which the index refuses (PauseHandler).
        b.HasIndex(p => new { p.AccountId, p.StartedOn }).IsUnique();
        b.Property(p => p.Reason).HasConversion<WireNameConverter<PauseReason>>().HasMaxLength(16);
    }
}

internal sealed class FunctionalScaleActivityConfiguration : IEntityTypeConfiguration<FunctionalScaleActivity>
{
    public void Configure(EntityTypeBuilder<FunctionalScaleActivity> b)
    {
        b.ToTable("FunctionalScaleActivities");
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.AccountId, a.Position }).IsUnique();
        b.Property(a => a.Name).HasMaxLength(80);
    }
}

internal sealed class FunctionalScaleRatingConfiguration : IEntityTypeConfiguration<FunctionalScaleRating>
{
    public void Configure(EntityTypeBuilder<FunctionalScaleRating> b)
    {
        b.ToTable("FunctionalScaleRatings");
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AccountId, r.WeekStart, r.Position }).IsUnique();
    }
}

// Issue 15. A patient's custom exercises and their logs cascade from the patient's account (deleting it removes them);
// a library exercise has no patient and stays with its author (AuthorId has no foreign key, see CustomExerciseRecord).
internal sealed class CustomExerciseConfiguration : IEntityTypeConfiguration<CustomExerciseRecord>
{
    public void Configure(EntityTypeBuilder<CustomExerciseRecord> b)
    {
        b.ToTable("CustomExercises");
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.AuthorId, e.PatientId });
        b.HasIndex(e => new { e.PatientId, e.Active });
        b.Property(e => e.AuthorId).HasMaxLength(64);
        b.Property(e => e.Name).HasMaxLength(Clinical.Custom.CustomExerciseRules.NameLength);
        b.Property(e => e.Steps).HasMaxLength(Clinical.Custom.CustomExerciseRules.StepsLength);
        b.Property(e => e.SafetyNote).HasMaxLength(Clinical.Custom.CustomExerciseRules.SafetyNoteLength);
        b.Property(e => e.DoseType).HasConversion<WireNameConverter<Clinical.Custom.CustomDoseType>>().HasMaxLength(16);
        b.Property(e => e.Sides).HasConversion<WireNameConverter<Clinical.Custom.CustomSides>>().HasMaxLength(16);
        b.Property(e => e.Weekdays).HasConversion(new WireNameSetConverter<DayOfWeek>(), new SetComparer<DayOfWeek>()).HasMaxLength(80);
        b.Property(e => e.Illustration).HasConversion<WireNameConverter<ExerciseId>>().HasMaxLength(32);
        b.Ignore(e => e.Definition);
    }
}

internal sealed class CustomExerciseLogConfiguration : IEntityTypeConfiguration<CustomExerciseLogRecord>
{
    public void Configure(EntityTypeBuilder<CustomExerciseLogRecord> b)
    {
        b.ToTable("CustomExerciseLogs");
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CustomExerciseRecord>().WithMany().HasForeignKey(l => l.CustomExerciseId).OnDelete(DeleteBehavior.Cascade);
        // One log per exercise per day (as ExerciseLogs): a second go replaces the first.
        b.HasIndex(l => new { l.AccountId, l.Date, l.CustomExerciseId }).IsUnique();
        b.HasIndex(l => l.CustomExerciseId);
        b.Property(l => l.DoseType).HasConversion<WireNameConverter<Clinical.Custom.CustomDoseType>>().HasMaxLength(16);
        b.Ignore(l => l.CountsAsStop);
    }
}
