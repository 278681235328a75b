using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Progression;

/// <summary>
/// Test language for SPEC §6: doses as "3x15 light", sessions by day number, calm by default (completed,
/// not stopped, pain 2 morning/before/during/next morning).
/// </summary>
internal static class Sessions
{
    public static readonly DateOnly Day0 = new(2026, 3, 2);

    /// <summary>The 16 steps of SPEC §6, floor first.</summary>
    public static readonly string[] LadderSteps =
    [
        "2x15 none", "2x20 none", "3x15 none", "3x20 none",
        "2x15 light", "2x20 light", "3x15 light", "3x20 light",
        "2x15 medium", "2x20 medium", "3x15 medium", "3x20 medium",
        "2x15 heavy", "2x20 heavy", "3x15 heavy", "3x20 heavy",
    ];

    public static Dose Dose(string text)
    {
        var parts = text.Split(' ', 'x');
        return new(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Wire.Parse<Resistance>(parts[2]));
    }

    public static string Text(Dose d) => $"{d.Sets}x{d.Reps} {Wire.Of(d.Resistance)}";

    public static ExerciseSession At(int day, string dose, bool completed = true, bool stopped = false,
        int morning = 2, int before = 2, int during = 2, int? next = 2) =>
        new(Day0.AddDays(day), Dose(dose), completed, stopped, morning, before, during, next);

    /// <summary>Calm sessions at <paramref name="dose"/> on the given days.</summary>
    public static ExerciseSession[] Calm(string dose, params int[] days) => days.Select(d => At(d, dose)).ToArray();

    public static ProgressionDecision Decide(string current, params ExerciseSession[] sessions) =>
        Decide(PainRule.Strict, current, sessions);

    public static ProgressionDecision Decide(PainRule rule, string current, params ExerciseSession[] sessions) =>
        Progressor.Decide(new ProgressionInput(ExerciseId.StraightLegRaise, rule, Dose(current), sessions));

    public static string Action(this ProgressionDecision d) => Wire.Of(d.Action);

    public static string NextText(this ProgressionDecision d) => Text(d.Next);
}
