using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Data;

/// <summary>
/// The one schema of IlioCare (SPEC §8) for every provider; provider-specific migrations live in
/// IlioCare.Migrations.&lt;Provider&gt;. Data protection keys live here too so several instances share them.
/// </summary>
public sealed class IlioCareDbContext(DbContextOptions<IlioCareDbContext> options)
    : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<AssessmentRecord> Assessments => Set<AssessmentRecord>();
    public DbSet<PatientProfile> PatientProfiles => Set<PatientProfile>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CheckInRecord> CheckIns => Set<CheckInRecord>();
    public DbSet<ExerciseLogRecord> ExerciseLogs => Set<ExerciseLogRecord>();
    public DbSet<DoseRecord> Doses => Set<DoseRecord>();
    public DbSet<ProgramStateRecord> ProgramStates => Set<ProgramStateRecord>();
    public DbSet<PauseRecord> Pauses => Set<PauseRecord>();
    public DbSet<FunctionalScaleActivity> FunctionalScaleActivities => Set<FunctionalScaleActivity>();
    public DbSet<FunctionalScaleRating> FunctionalScaleRatings => Set<FunctionalScaleRating>();
    public DbSet<CareLink> CareLinks => Set<CareLink>();
    public DbSet<LinkInvite> LinkInvites => Set<LinkInvite>();
    public DbSet<AlertAcknowledgement> AlertAcknowledgements => Set<AlertAcknowledgement>();
    public DbSet<TreatmentRecord> Treatments => Set<TreatmentRecord>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<CustomExerciseRecord> CustomExercises => Set<CustomExerciseRecord>();
    public DbSet<CustomExerciseLogRecord> CustomExerciseLogs => Set<CustomExerciseLogRecord>();
    public DbSet<ProcessedRequest> ProcessedRequests => Set<ProcessedRequest>();
    public DbSet<PushSubscriptionRecord> PushSubscriptions => Set<PushSubscriptionRecord>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<WebPushKey> WebPushKeys => Set<WebPushKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IlioCareDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC DateTime, never DateTimeOffset: SQLite cannot compare or order
        // DateTimeOffset in SQL, and Npgsql wants Kind=Utc for timestamptz (RECIPES.md pitfalls).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
