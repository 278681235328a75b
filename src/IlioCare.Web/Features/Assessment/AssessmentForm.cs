using System.Globalization;
using System.Text.Json.Nodes;

namespace IlioCare.Web.Features.Assessment;

/// <summary>
/// The posted questionnaire, as text: a number the patient mistyped must come back to them with a message,
/// not vanish in model binding. <see cref="ToContractJson"/> turns it into the SPEC §3 JSON, and the one
/// clinical validator (AssessmentContract) judges it, so the page and the API reject the same things.
/// </summary>
public sealed class AssessmentForm
{
    // Lists never null: form mapping sets a list nobody ticked to null.
    public string? Age { get; set; }
    public string? Sex { get; set; }
    public string? Side { get; set; }
    public string? SymptomDays { get; set; }
    public string? PainNow { get; set; }
    public string? PainWorst { get; set; }
    public string[] PainSites { get; set => field = value ?? []; } = [];
    public string[] Aggravators { get; set => field = value ?? []; } = [];
    public string[] Activities { get; set => field = value ?? []; } = [];
    public bool MorningStiffness { get; set; }
    public bool StiffnessEasesDuringDay { get; set; }
    public bool Limp { get; set; }
    public bool Snapping { get; set; }
    public bool Worsening { get; set; }
    public bool RecentLoadIncrease { get; set; }
    /// <summary>Asked only when sex is not "male" (SPEC §3 revision 3); dropped if sent with "male".</summary>
    public bool PregnantOrPostpartum { get; set; }
    public bool BloodThinners { get; set; }
    public string[] Flags { get; set => field = value ?? []; } = [];
    /// <summary>The explicit "none of these" answer: an empty list must mean "asked, none", never "skipped".</summary>
    public bool NoWarningSigns { get; set; }

    public JsonObject ToContractJson()
    {
        var json = new JsonObject();
        Number(json, "age", Age);
        Text(json, "side", Side);
        Number(json, "symptomDays", SymptomDays);
        Number(json, "painNow", PainNow);
        Number(json, "painWorst", PainWorst);
        // Not asked → not sent: the validator then says "flags is required", as it would to an API client.
        if (Flags.Length > 0 || NoWarningSigns) json["flags"] = List(Flags);
        Text(json, "sex", Sex);
        if (PainSites.Length > 0) json["painSites"] = List(PainSites);
        if (Aggravators.Length > 0) json["aggravators"] = List(Aggravators);
        if (Activities.Length > 0) json["activities"] = List(Activities);
        Flag(json, "morningStiffness", MorningStiffness);
        Flag(json, "stiffnessEasesDuringDay", StiffnessEasesDuringDay);
        Flag(json, "limp", Limp);
        Flag(json, "snapping", Snapping);
        Flag(json, "worsening", Worsening);
        Flag(json, "recentLoadIncrease", RecentLoadIncrease);
        // The two risk factors go as explicit true/false: the massage safety check (F18) can then tell "asked, no"
        // from an older assessment that never asked. The page hides the pregnancy question for "male" (CSS), so an
        // answer posted with "male" is one the person could not see: it is dropped, not judged.
        if (Sex != "male") json["pregnantOrPostpartum"] = PregnantOrPostpartum;
        json["bloodThinners"] = BloodThinners;
        return json;
    }

    /// <summary>
    /// SPEC §3 starts at 10; a younger child's parent gets "see a doctor" instead of a range error (the page says it,
    /// nothing is stored). Only a typed whole number from 0 to 9 counts: anything else gets the usual message.
    /// </summary>
    public bool IsYoungChild =>
        int.TryParse(Age?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age < 10;

    private static void Number(JsonObject json, string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var trimmed = text.Trim();
        // Whole numbers go as JSON numbers; anything else goes as the text typed, and the validator names it.
        json[name] = long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? JsonValue.Create(n)
            : JsonValue.Create(trimmed);
    }

    private static void Text(JsonObject json, string name, string? text)
    {
        if (!string.IsNullOrEmpty(text)) json[name] = text;
    }

    private static void Flag(JsonObject json, string name, bool value)
    {
        if (value) json[name] = true;
    }

    private static JsonArray List(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
