using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using IlioCare.Clinical.Safety;

namespace IlioCare.Data;

/// <summary>
/// What the program needs to know about a patient (F18 sign-up, onboarding). Dates that are "a day" are the
/// patient's own calendar days in <see cref="TimeZoneId"/>; instants are UTC. The phase is not here: it is
/// the latest <see cref="ProgramStateRecord"/>.
/// </summary>
public sealed class PatientProfile
{
    public required string AccountId { get; set; }
    public int AgeAtSignUp { get; set; }
    /// <summary>F18: consent to the terms, required at sign-up.</summary>
    public DateTime TermsAcceptedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Null until onboarding is done.</summary>
    public DateTime? OnboardedAtUtc { get; set; }
    public Side? Side { get; set; }
    /// <summary>Sports before the pain began (SPEC §3 activities).</summary>
    public IReadOnlySet<Activity> Sports { get; set; } = new HashSet<Activity>();
    /// <summary>Weekly sport minutes before the pain began: the §7 preInjuryWeeklyMinutes.</summary>
    public int PreInjuryWeeklyMinutes { get; set; }
    /// <summary>IANA id, e.g. "Europe/Paris": a "day" of the program is a day here (SPEC §4 counting).</summary>
    public string TimeZoneId { get; set; } = "UTC";
    /// <summary>Local time of the daily session (F12 reminders).</summary>
    public TimeOnly DailySessionTime { get; set; } = new(18, 0);
    /// <summary>F18 one-time massage safety check: the cautions answered "yes".</summary>
    public IReadOnlySet<MassageCaution> MassageCautions { get; set; } = new HashSet<MassageCaution>();
    public bool SelfMassageAllowed => MassageSafety.AllowsSelfMassage(MassageCautions);

    /// <summary>The assessment the program started from.</summary>
    public Guid? AssessmentId { get; set; }

    /// <summary>SPEC §6: strict unless a clinician switched the patient to pain monitoring.</summary>
    public PainRule PainRule { get; set; } = PainRule.Strict;
    /// <summary>
    /// The secret in the patient's calendar feed URL (F12): random, unguessable, replaced when the patient
    /// resets it; null until the patient asks for a feed.
    /// </summary>
    public string? CalendarFeedToken { get; set; }

    /// <summary>Exercises a clinician left out of the program (F5, F13).</summary>
    public IReadOnlySet<ExerciseId> ExcludedExercises { get; set; } = new HashSet<ExerciseId>();
    /// <summary>
    /// Optimistic concurrency for clinicians' program edits (F13): every edit of the phase, a dose, the
    /// excluded exercises or the pain rule names the version it started from and bumps it; the second of two
    /// clinicians editing at once gets a conflict instead of silently undoing the first. App-managed, since
    /// SQLite has no xmin (RECIPES.md).
    /// </summary>
    public int ProgramVersion { get; set; }
}
