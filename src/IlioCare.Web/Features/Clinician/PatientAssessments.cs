using System.Globalization;
using System.Text.Json;
using IlioCare.Clinical;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Clinician;

/// <summary>One of a patient's assessments as the clinician reads it (issue 15): when, the triage and its reasons, the answers — in words.</summary>
public sealed record AssessmentSummary(DateTime TakenAtUtc, string Triage, IReadOnlyList<Finding> Reasons, IReadOnlyList<Finding> Patterns,
    string StartPhase, IReadOnlyList<(string Question, string Answer)> Answers);

/// <summary>
/// The patient's assessments, newest first, read from the stored SPEC §3 input and output exactly as they were given
/// (a later rule change does not rewrite an old triage). Codes become words through the labels the assessment page
/// itself uses (<see cref="AssessmentLabels"/>, <see cref="AlertWords"/>); an answer the patient did not give is left out.
/// </summary>
internal static class PatientAssessments
{
    /// <param name="L">The page's words for the questions and answers (issue 16): the English is the key.</param>
    /// <param name="labels">The assessment page's own words for its choices.</param>
    public static async Task<IReadOnlyList<AssessmentSummary>> LoadAsync(IlioCareDbContext db, string patientId,
        IStringLocalizer<PatientAssessmentList> L, IStringLocalizer<AssessmentLabels> labels, IStringLocalizer<AlertReasonWords> signs, CancellationToken ct)
    {
        var rows = await db.Assessments.AsNoTracking().Where(a => a.AccountId == patientId)
            .Select(a => new { a.TakenAtUtc, a.InputJson, a.ResultJson }).ToListAsync(ct);
        return rows.OrderByDescending(a => a.TakenAtUtc).Select(a =>
        {
            var result = AssessmentView.FromResultJson(a.ResultJson);
            return new AssessmentSummary(a.TakenAtUtc, Triage(result.Triage), result.Reasons, result.Patterns,
                result.StartPhase is { } phase ? CaseloadPage.PhaseName(phase) : "none: see a doctor first", Answers(a.InputJson, L, labels, signs));
        }).ToArray();
    }

    public static string Triage(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency: go to emergency care now",
        TriageLevel.Urgent => "Urgent: see a doctor within 24 hours",
        TriageLevel.Routine => "Routine: book a doctor or physio visit",
        TriageLevel.SelfCare => "Self-care",
    };

    private static List<(string, string)> Answers(string inputJson, IStringLocalizer<PatientAssessmentList> L, IStringLocalizer<AssessmentLabels> labels,
        IStringLocalizer<AlertReasonWords> signs)
    {
        using var doc = JsonDocument.Parse(inputJson);
        var root = doc.RootElement;
        var answers = new List<(string, string)>();
        void Add(string question, string? answer) { if (!string.IsNullOrEmpty(answer)) answers.Add((question, answer)); }
        int? Int(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        string? YesNo(string name) => root.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? (v.GetBoolean() ? L["yes"].Value : L["no"].Value) : null;
        IEnumerable<T> Codes<T>(string name) where T : struct, Enum => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => WireName.TryParse<T>(e.GetString(), out var x) ? (T?)x : null).OfType<T>() : [];
        T? Code<T>(string name) where T : struct, Enum => root.TryGetProperty(name, out var v) && WireName.TryParse<T>(v.GetString(), out var x) ? x : null;
        string? List<T>(string name, Func<T, string> word) where T : struct, Enum =>
            Codes<T>(name).Select(word).ToArray() is { Length: > 0 } words ? string.Join("; ", words) : null;

        Add(L["Age"], Int("age")?.ToString(CultureInfo.CurrentCulture));
        Add(L["Sex"], Code<Sex>("sex") is { } sex ? AssessmentLabels.Of(sex, labels) : null);
        Add(L["Side"], Code<Side>("side") is { } side ? AssessmentLabels.Of(side, labels) : null);
        Add(L["How long it has hurt"], Int("symptomDays") is { } days ? L["{0} days", days].Value : null);
        Add(L["Pain now"], Int("painNow") is { } now ? L["{0} out of 10", now].Value : null);
        Add(L["Worst pain in the last 24 hours"], Int("painWorst") is { } worst ? L["{0} out of 10", worst].Value : null);
        Add(L["Where it hurts"], List<PainSite>("painSites", s => AssessmentLabels.Of(s, labels)));
        Add(L["What makes it worse"], List<Aggravator>("aggravators", a => AssessmentLabels.Of(a, labels)));
        Add(L["Sports and activities"], List<Activity>("activities", a => AssessmentLabels.Of(a, labels)));
        Add(L["Warning signs"], Codes<WarningSign>("flags").Any() ? AlertReasonWords.Signs(Codes<WarningSign>("flags"), signs) : L["none"].Value);
        Add(L["Getting worse"], YesNo("worsening"));
        Add(L["Limp"], YesNo("limp"));
        Add(L["Snapping"], YesNo("snapping"));
        Add(L["Morning stiffness"], YesNo("morningStiffness"));
        Add(L["Stiffness eases during the day"], YesNo("stiffnessEasesDuringDay"));
        Add(L["Recent rise in training"], YesNo("recentLoadIncrease"));
        Add(L["Pregnant or recently gave birth"], YesNo("pregnantOrPostpartum"));
        Add(L["Takes blood thinners"], YesNo("bloodThinners"));
        return answers;
    }
}
