using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;

namespace IlioCare.Web.Features.Summary;

/// <summary>
/// The doctor-visit summary (F4): facts only, read from the signed-in patient's own rows. The assessment part
/// works without a program (a patient who signed up but has not set one up); the program part needs one.
/// </summary>
public sealed record VisitSummary(DateOnly Printed, int? AgeAtSignUp, Side? Side, Sex? Sex)
{
    /// <summary>Whose summary it is (issue 18): the name, and the date of birth where the patient gave one.</summary>
    public string? Name { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public SymptomHistory? Symptoms { get; init; }
    /// <summary>Every warning sign ever reported, oldest first, with the day and where (assessment or check-in).</summary>
    public IReadOnlyList<ReportedSigns> WarningSigns { get; init; } = [];
    /// <summary>Every triage the app gave, oldest first.</summary>
    public IReadOnlyList<TriageGiven> Triage { get; init; } = [];
    /// <summary>Null until onboarding has set up a program.</summary>
    public ProgramRecord? Program { get; init; }
}

/// <summary>How long and where, from the assessments (SPEC §3 input).</summary>
/// <param name="FirstAssessedOn">The patient's local day of the first assessment.</param>
/// <param name="SymptomDaysAtFirst">The first assessment's <c>symptomDays</c>: how long it had hurt then.</param>
/// <param name="DaysSince">Days from the first assessment to the day printed.</param>
/// <param name="LatestOn">The day of the assessment the sites and symptoms below come from (the latest).</param>
public sealed record SymptomHistory(
    DateOnly FirstAssessedOn, int SymptomDaysAtFirst, int DaysSince, DateOnly LatestOn,
    int PainNow, int PainWorst,
    IReadOnlyList<string> PainSites, IReadOnlyList<string> Aggravators, IReadOnlyList<string> Activities, IReadOnlyList<string> Other)
{
    public int TotalDays => SymptomDaysAtFirst + DaysSince;

    /// <summary>The day it began, counted back from the first assessment.</summary>
    public DateOnly SinceAbout => FirstAssessedOn.AddDays(-SymptomDaysAtFirst);
}

/// <summary>The warning signs reported on one day, in one place ("assessment" or "check-in"), in plain words.</summary>
public sealed record ReportedSigns(DateOnly Date, string Where, IReadOnlyList<string> Signs);

/// <summary>One triage the assessment gave (SPEC §3 output as stored): level, reasons, start phase.</summary>
public sealed record TriageGiven(DateOnly Date, TriageLevel Level, IReadOnlyList<string> Reasons, Phase? StartPhase);

/// <summary>What was tried and how it went (F4): the program's rows, summed up.</summary>
public sealed record ProgramRecord(
    Phase PhaseNow,
    IReadOnlyList<PhaseStep> Phases,
    IReadOnlyList<ExerciseTried> Exercises,
    IReadOnlyList<WeekFacts> Weeks,
    IReadOnlyList<(DateOnly Date, string Exercise)> Stops,
    PainTrend? Trend,
    int PreInjuryWeeklyMinutes,
    string SportNow,
    int CheckIns)
{
    public int SessionsDone => Weeks.Sum(w => w.SessionsDone);
    public int SessionsPlanned => Weeks.Sum(w => w.SessionsPlanned);
}

/// <summary>One program state record: from which day, which phase, what moved it and why.</summary>
public sealed record PhaseStep(DateOnly From, Phase Phase, PhaseMove Move, bool PausedForWarningSign, string Reason);

/// <summary>One exercise of the program (now, or logged before): the dose it started at, the dose now and why.</summary>
public sealed record ExerciseTried(Exercise Exercise, string StartDose, string DoseNow, string? Reason, int Logged, int Stopped, bool InPlanNow);

/// <summary>
/// One ISO week (Monday first) of the program: check-ins and their averages, sessions done vs planned, stops,
/// sport minutes against the cap in force at the end of the week.
/// </summary>
public sealed record WeekFacts(
    DateOnly Monday, int CheckIns, decimal? PainNow, decimal? PainMorning, decimal? StiffnessMinutes,
    int SessionsDone, int SessionsPlanned, int Stops, int SportMinutes, int SportCap, bool Paused);

/// <summary>First week against last week of check-ins (F4 pain trend), with the daily pain now for the sparkline.</summary>
public sealed record PainTrend(Averages First, Averages Last, IReadOnlyList<(DateOnly Date, int PainNow)> Daily);

/// <summary>Mean pain now, morning pain and stiffness minutes of the check-ins from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record Averages(DateOnly From, DateOnly To, int CheckIns, decimal PainNow, decimal PainMorning, decimal StiffnessMinutes);
