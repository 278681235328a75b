using System.Globalization;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// The posted daily check-in (F8), as text: a mistyped number comes back to the patient with its message.
/// Warning signs need an answer: ticked signs, or the explicit "None of these" (F3: an empty answer is never
/// "skipped", as in the assessment form).
/// </summary>
public sealed class CheckInForm
{
    public const int MinutesInDay = 24 * 60;

    public string? PainMorning { get; set; }
    public string? StiffnessMinutes { get; set; }
    public string? PainNow { get; set; }
    public string[] WarningSigns { get; set => field = value ?? []; } = [];
    public bool NoWarningSigns { get; set; }
    /// <summary>Sport minutes keyed by the activity's wire name (<c>Form.Sport[running]</c>).</summary>
    public Dictionary<string, string?> Sport { get; set => field = value ?? []; } = [];
    /// <summary>"pain-free" or "painful"; asked only when yesterday's review said so (SPEC §4).</summary>
    public string? HopTest { get; set; }
    /// <summary>The day the page was made for (yyyy-MM-dd): a check-in sent after midnight keeps its day (<see cref="LateCheckIn"/>).</summary>
    public string? Date { get; set; }
    /// <summary>The idempotency key rendered with the form: the same post sent twice is saved once (issue 14).</summary>
    public string? RequestKey { get; set; }

    public static CheckInForm From(CheckInRecord record) => new()
    {
        PainMorning = Text(record.PainMorning),
        StiffnessMinutes = Text(record.StiffnessMinutes),
        PainNow = Text(record.PainNow),
        WarningSigns = record.WarningSigns.Select(s => WireName.Of(s)).ToArray(),
        NoWarningSigns = record.WarningSigns.Count == 0,
        Sport = record.SportMinutes.ToDictionary(p => WireName.Of(p.Key), p => (string?)Text(p.Value)),
        HopTest = record.HopTestPainFree switch { true => "pain-free", false => "painful", null => null },
    };

    /// <summary>
    /// The checked answers, or the message for each field that is wrong (every one, not just the first), in the
    /// page's language (<c>IStringLocalizer&lt;CheckInForm&gt;</c>, issue 16).
    /// </summary>
    public (CheckInAnswers? Value, List<(string Field, string Message)> Errors) Check(bool hopTestAsked, IStringLocalizer L)
    {
        var errors = new List<(string, string)>();
        var painMorning = Whole(PainMorning, 10, "painMorning", L["Choose your pain this morning, from 0 (none) to 10."], errors);
        var stiffness = Whole(StiffnessMinutes, MinutesInDay, "stiffnessMinutes", L["Enter the minutes of morning stiffness, a whole number from 0 to {0} (0 if none).", MinutesInDay], errors);
        var painNow = Whole(PainNow, 10, "painNow", L["Choose your pain right now, from 0 (none) to 10."], errors);

        var signs = new HashSet<WarningSign>();
        foreach (var s in WarningSigns)
        {
            if (WireName.TryParse<WarningSign>(s, out var sign) && Clinical.Assessment.WarningSigns.IsAskedAtCheckIn(sign)) signs.Add(sign);
            else errors.Add(("warningSigns", L["Tick only the signs listed on this page."]));
        }
        if (NoWarningSigns && WarningSigns.Length > 0)
            errors.Add(("warningSigns", L["You ticked a warning sign and also “None of these”. Untick one of them."]));
        else if (!NoWarningSigns && WarningSigns.Length == 0)
            errors.Add(("warningSigns", L["Tick each sign that is new since your last check-in, or tick “None of these”."]));

        var sport = new Dictionary<Activity, int>();
        foreach (var (key, value) in Sport)
        {
            if (!WireName.TryParse<Activity>(key, out var activity))
            {
                errors.Add(("sport", L["Enter minutes only for the sports listed on this page."]));
                continue;
            }
            if (string.IsNullOrWhiteSpace(value)) continue; // blank = no sport of that kind
            if (Whole(value, MinutesInDay, $"sport-{key}", L["Enter whole minutes, from 0 to {0}.", MinutesInDay], errors) is { } minutes && minutes > 0)
                sport[activity] = minutes;
        }
        if (sport.Values.Sum() > MinutesInDay)
            errors.Add(("sport", L["All sports together can be at most {0} minutes in a day.", MinutesInDay]));

        bool? hop = null;
        if (hopTestAsked)
        {
            hop = HopTest switch { "pain-free" => true, "painful" => false, _ => null };
            if (hop is null) errors.Add(("hopTest", L["Say whether the 10 hops on the sore leg hurt."]));
        }

        return errors.Count > 0 || painMorning is null || stiffness is null || painNow is null
            ? (null, errors)
            : (new CheckInAnswers(painMorning.Value, stiffness.Value, painNow.Value, signs, sport, hop), errors);
    }

    private static int? Whole(string? text, int max, string field, string message, List<(string, string)> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max) return value;
        errors.Add((field, message));
        return null;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A checked check-in.</summary>
public sealed record CheckInAnswers(int PainMorning, int StiffnessMinutes, int PainNow, IReadOnlySet<WarningSign> WarningSigns,
    IReadOnlyDictionary<Activity, int> SportMinutes, bool? HopTestPainFree);
