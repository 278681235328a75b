using System.Text.Json;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Assessment;

/// <summary>
/// The answers of a stored assessment that other pages start from (SPEC §3 revision 3, F3, F18): the age, the sex,
/// and the two risk factors — null where that assessment did not answer (taken before revision 3, or pregnancy with
/// sex "male"), so "never asked" is not read as "no".
/// </summary>
public sealed record AssessmentAnswers(int? Age, Sex? Sex, bool? PregnantOrPostpartum, bool? BloodThinners)
{
    /// <summary>The pages ask about pregnancy only when sex is not "male".</summary>
    public bool AsksPregnancy => Sex != Clinical.Assessment.Sex.Male;

    /// <summary>The pages ask about scrotal pain only when sex is not "female" (our reading; the API accepts it always).</summary>
    public bool AsksScrotalPain => Sex != Clinical.Assessment.Sex.Female;

    /// <summary>Reads the stored input (JSON the validator accepted when it was taken).</summary>
    public static AssessmentAnswers Read(string inputJson)
    {
        using var doc = JsonDocument.Parse(inputJson);
        var root = doc.RootElement;
        return new(
            root.TryGetProperty("age", out var age) && age.TryGetInt32(out var years) ? years : null,
            root.TryGetProperty("sex", out var sex) && WireName.TryParse<Sex>(sex.GetString(), out var s) ? s : null,
            Flag(root, "pregnantOrPostpartum"),
            Flag(root, "bloodThinners"));
    }

    /// <summary>The patient's latest assessment's answers, or null when they have none.</summary>
    public static async Task<AssessmentAnswers?> LatestAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var json = await db.Assessments.AsNoTracking().Where(a => a.AccountId == accountId)
            .OrderByDescending(a => a.TakenAtUtc).Select(a => a.InputJson).FirstOrDefaultAsync(ct);
        return json is null ? null : Read(json);
    }

    private static bool? Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
