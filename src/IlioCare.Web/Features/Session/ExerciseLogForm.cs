using System.Globalization;

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
    /// <summary>The submit button's value: <see cref="DoneValue"/> or <see cref="PainWentUpValue"/>.</summary>
    public string? Outcome { get; set; }

    /// <summary>The checked values, or the message for each field that is wrong.</summary>
    internal (ExerciseLogAnswers? Value, List<(string Field, string Message)> Errors) Check()
    {
        var errors = new List<(string, string)>();
        var before = Pain(PainBefore);
        if (before is null) errors.Add(("painBefore", "Enter your pain before you started as a whole number from 0 (none) to 10 (worst)."));
        var during = Pain(PainDuring);
        if (during is null) errors.Add(("painDuring", "Enter your pain during the exercise as a whole number from 0 (none) to 10 (worst)."));
        ExerciseOutcome? outcome = Outcome switch
        {
            DoneValue => ExerciseOutcome.Done,
            PainWentUpValue => ExerciseOutcome.PainWentUp,
            _ => null,
        };
        if (outcome is null) errors.Add(("outcome", "Press \"Done\" or \"Pain went up\"."));
        return errors.Count > 0 ? (null, errors) : (new ExerciseLogAnswers(before!.Value, during!.Value, outcome!.Value), errors);
    }

    /// <summary>Pain scores are 0–10 (SPEC §6).</summary>
    private static int? Pain(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10 ? value : null;
}

/// <summary>Checked player answers.</summary>
internal sealed record ExerciseLogAnswers(int PainBefore, int PainDuring, ExerciseOutcome Outcome);
