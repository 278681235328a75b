using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Session;

/// <summary>How an exercise ended (F7): done, or stopped with "pain went up".</summary>
internal enum ExerciseOutcome { Done, PainWentUp }

/// <summary>The posted player form: pains as typed (so a bad value comes back with its message) and the button pressed.</summary>
public sealed class ExerciseLogForm
{
    public const string DoneValue = "done";
    public const string PainWentUpValue = "pain-went-up";

    public string? PainBefore { get; set; }
    public string? PainDuring { get; set; }
    /// <summary>Repetitions, holds or strokes counted in all (the player fills it; without JavaScript it is typed).</summary>
    public string? DoneCount { get; set; }
    /// <summary>The submit button's value: <see cref="DoneValue"/> or <see cref="PainWentUpValue"/>.</summary>
    public string? Outcome { get; set; }
    /// <summary>The day the page was made for (yyyy-MM-dd): a log queued offline and sent after midnight is refused, not moved to the new day.</summary>
    public string? Date { get; set; }
    /// <summary>The idempotency key rendered with the form: the same post sent twice is saved once (issue 14).</summary>
    public string? RequestKey { get; set; }

    /// <summary>The checked values, or the message for each field that is wrong.</summary>
    internal (ExerciseLogAnswers? Value, List<(string Field, string Message)> Errors) Check(int planned, IStringLocalizer<ExerciseLogForm> L)
    {
        var errors = new List<(string, string)>();
        ExerciseOutcome? outcome = Outcome switch
        {
            DoneValue => ExerciseOutcome.Done,
            PainWentUpValue => ExerciseOutcome.PainWentUp,
            _ => null,
        };
        if (outcome is null) errors.Add(("outcome", L["Press “Done” or “Pain went up”."]));

        // "Pain went up" must never be lost to a form error at the moment it hurts (hazard log): blank pains
        // are filled with what the press itself says — before unknown counts as 0, during as one point above
        // before. The engine's stop rests on the press (SPEC §6 stoppedForPain), not on these numbers.
        var stopping = outcome == ExerciseOutcome.PainWentUp;
        var before = Pain(PainBefore) ?? (stopping && Blank(PainBefore) ? 0 : null);
        if (before is null) errors.Add(("painBefore", L["Enter your pain before you started as a whole number from 0 (none) to 10 (worst)."]));
        var during = Pain(PainDuring) ?? (stopping && Blank(PainDuring) && before is { } b ? Math.Min(10, b + 1) : null);
        if (during is null) errors.Add(("painDuring", L["Enter your pain during the exercise as a whole number from 0 (none) to 10 (worst)."]));
        // The count says what was really done (issue 14, honest logging). "Done" needs it: a blank count must never
        // become "all of it" (H180). A stop keeps whatever was counted; a blank or wrong count there is 0, so the
        // stop is never lost to a form error.
        var done = Count(DoneCount, planned);
        if (done is null && stopping) done = 0;
        if (done is null) errors.Add(("doneCount", L["Enter how many you did as a whole number from 0 to {0}.", planned]));
        return errors.Count > 0 ? (null, errors) : (new ExerciseLogAnswers(before!.Value, during!.Value, outcome!.Value) { DoneCount = done!.Value }, errors);
    }

    private static int? Count(string? text, int planned) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= planned ? value : null;

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>Pain scores are 0–10 (SPEC §6).</summary>
    private static int? Pain(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10 ? value : null;
}

/// <summary>Checked player answers.</summary>
/// <remarks><see cref="DoneCount"/> null: the client did not count (an API client), and "done" means the whole dose.</remarks>
internal sealed record ExerciseLogAnswers(int PainBefore, int PainDuring, ExerciseOutcome Outcome)
{
    public int? DoneCount { get; init; }
}
