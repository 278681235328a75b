using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// The Patient-Specific Functional Scale (F11; Stratford et al. 1995): three activities the patient finds hard
/// because of the hip, named once, then each rated every week from 0 (unable to do it) to 10 (as before the injury).
/// </summary>
internal static class FunctionalScale
{
    public const int Activities = 3;
    /// <summary>The column's length (FunctionalScaleActivity.Name).</summary>
    public const int NameLength = 80;
    public const int Best = 10;
}

/// <summary>The posted names of the three activities, as typed.</summary>
public sealed class ActivitiesForm
{
    public string? Activity1 { get; set; }
    public string? Activity2 { get; set; }
    public string? Activity3 { get; set; }

    public string?[] Values => [Activity1, Activity2, Activity3];

    /// <summary>The trimmed names, or a message for every field that is wrong ("activity1" …).</summary>
    public (string[]? Names, List<(string Field, string Message)> Errors) Check(IStringLocalizer<ProgressText>? words = null)
    {
        var L = words ?? ProgressText.English;
        var errors = new List<(string, string)>();
        var names = Values.Select(v => v?.Trim() ?? "").ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var field = $"activity{i + 1}";
            if (names[i].Length == 0) errors.Add((field, L["Name activity {0}: something the hip makes hard, like “climb two flights of stairs”.", i + 1]));
            else if (names[i].Length > FunctionalScale.NameLength) errors.Add((field, L["Keep it to {0} characters or fewer (now {1}).", FunctionalScale.NameLength, names[i].Length]));
            else if (names.Take(i).Contains(names[i], StringComparer.OrdinalIgnoreCase)) errors.Add((field, L["Name a different activity from the ones above."]));
        }
        return (errors.Count == 0 ? names : null, errors);
    }
}

/// <summary>This week's posted scores, as typed: one whole number 0–10 for each named activity.</summary>
public sealed class RatingsForm
{
    public string? Score1 { get; set; }
    public string? Score2 { get; set; }
    public string? Score3 { get; set; }

    public string?[] Values => [Score1, Score2, Score3];

    public static RatingsForm From(IReadOnlyDictionary<int, int> scores) => new()
    {
        Score1 = Text(scores, 1), Score2 = Text(scores, 2), Score3 = Text(scores, 3),
    };

    public (int[]? Scores, List<(string Field, string Message)> Errors) Check(IReadOnlyList<string> names, IStringLocalizer<ProgressText>? words = null)
    {
        var L = words ?? ProgressText.English;
        var errors = new List<(string, string)>();
        var scores = new int[FunctionalScale.Activities];
        for (var i = 0; i < scores.Length; i++)
        {
            if (int.TryParse(Values[i]?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score <= FunctionalScale.Best)
                scores[i] = score;
            else
                errors.Add(($"score{i + 1}", L["Score “{0}” with a whole number from 0 (unable to do it) to 10 (as before the injury).", names[i]]));
        }
        return (errors.Count == 0 ? scores : null, errors);
    }

    private static string? Text(IReadOnlyDictionary<int, int> scores, int position) =>
        scores.TryGetValue(position, out var s) ? s.ToString(CultureInfo.InvariantCulture) : null;
}

/// <summary>Starting the scale again deletes its activities and ratings: the patient must tick that they mean it.</summary>
public sealed class RestartForm
{
    public bool Confirm { get; set; }
}
