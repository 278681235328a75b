using System.Globalization;
using System.Text.Json;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Clinician;

/// <summary>One of a patient's assessments as the clinician reads it (issue 15): when, the triage and its reasons, the answers — in words.</summary>
public sealed record AssessmentSummary(DateTime TakenAtUtc, string Triage, IReadOnlyList<string> Reasons, IReadOnlyList<string> Patterns,
    string StartPhase, IReadOnlyList<(string Question, string Answer)> Answers);

/// <summary>
/// The patient's assessments, newest first, read from the stored SPEC §3 input and output exactly as they were given
/// (a later rule change does not rewrite an old triage). Codes become words through the labels the assessment page
/// itself uses (<see cref="AssessmentLabels"/>, <see cref="AlertWords"/>); an answer the patient did not give is left out.
/// </summary>
internal static class PatientAssessments
{
    public static async Task<IReadOnlyList<AssessmentSummary>> LoadAsync(IlioCareDbContext db, string patientId, CancellationToken ct)
    {
        var rows = await db.Assessments.AsNoTracking().Where(a => a.AccountId == patientId)
            .Select(a => new { a.TakenAtUtc, a.InputJson, a.ResultJson }).ToListAsync(ct);
        return rows.OrderByDescending(a => a.TakenAtUtc).Select(a =>
        {
            var result = AssessmentView.FromResultJson(a.ResultJson);
            return new AssessmentSummary(a.TakenAtUtc, Triage(result.Triage), [.. result.Reasons.Select(r => r.Text)], [.. result.Patterns.Select(p => p.Text)],
                result.StartPhase is { } phase ? CaseloadPage.PhaseName(phase) : "none: see a doctor first", Answers(a.InputJson));
        }).ToArray();
    }

    public static string Triage(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency: go to emergency care now",
        TriageLevel.Urgent => "Urgent: see a doctor within 24 hours",
        TriageLevel.Routine => "Routine: book a doctor or physio visit",
        TriageLevel.SelfCare => "Self-care",
    };

    private static List<(string, string)> Answers(string inputJson)
    {
        using var doc = JsonDocument.Parse(inputJson);
        var root = doc.RootElement;
        var answers = new List<(string, string)>();
        void Add(string question, string? answer) { if (!string.IsNullOrEmpty(answer)) answers.Add((question, answer)); }
        string? Number(string name, string unit = "") => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32().ToString(CultureInfo.InvariantCulture) + unit : null;
        string? YesNo(string name) => root.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? (v.GetBoolean() ? "yes" : "no") : null;
        IEnumerable<T> Codes<T>(string name) where T : struct, Enum => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => WireName.TryParse<T>(e.GetString(), out var x) ? (T?)x : null).OfType<T>() : [];
        T? Code<T>(string name) where T : struct, Enum => root.TryGetProperty(name, out var v) && WireName.TryParse<T>(v.GetString(), out var x) ? x : null;
        string? List<T>(string name, Func<T, string> word) where T : struct, Enum =>
            Codes<T>(name).Select(word).ToArray() is { Length: > 0 } words ? string.Join("; ", words) : null;

        Add("Age", Number("age"));
        Add("Sex", Code<Sex>("sex") is { } sex ? AssessmentLabels.Of(sex) : null);
        Add("Side", Code<Side>("side") is { } side ? AssessmentLabels.Of(side) : null);
        Add("How long it has hurt", Number("symptomDays", " days"));
        Add("Pain now", Number("painNow", " out of 10"));
        Add("Worst pain in the last 24 hours", Number("painWorst", " out of 10"));
        Add("Where it hurts", List<PainSite>("painSites", AssessmentLabels.Of));
        Add("What makes it worse", List<Aggravator>("aggravators", AssessmentLabels.Of));
        Add("Sports and activities", List<Activity>("activities", AssessmentLabels.Of));
        Add("Warning signs", Codes<WarningSign>("flags").Any() ? AlertWords.Signs(Codes<WarningSign>("flags")) : "none");
        Add("Getting worse", YesNo("worsening"));
        Add("Limp", YesNo("limp"));
        Add("Snapping", YesNo("snapping"));
        Add("Morning stiffness", YesNo("morningStiffness"));
        Add("Stiffness eases during the day", YesNo("stiffnessEasesDuringDay"));
        Add("Recent rise in training", YesNo("recentLoadIncrease"));
        Add("Pregnant or recently gave birth", YesNo("pregnantOrPostpartum"));
        Add("Takes blood thinners", YesNo("bloodThinners"));
        return answers;
    }
}
