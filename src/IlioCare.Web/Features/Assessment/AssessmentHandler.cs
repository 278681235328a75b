using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Assessment;

/// <summary>Judge (IlioCare.Clinical decides) and store a self-assessment; find one the caller may see.</summary>
internal static class AssessmentHandler
{
    /// <summary>The one validator and the one rule set, as the CLI and the API use them (SPEC §2, §3).</summary>
    public static (ContractResult<AssessmentInput> Input, AssessmentResult? Result) Judge(string json)
    {
        var input = AssessmentContract.Read(json);
        return (input, input.Value is { } valid ? Assessor.Assess(valid) : null);
    }

    public static async Task<AssessmentRecord> SaveAsync(
        IlioCareDbContext db, string inputJson, AssessmentResult result, string? accountId, TimeProvider clock, CancellationToken ct)
    {
        var record = new AssessmentRecord
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            TakenAtUtc = clock.GetUtcNow().UtcDateTime,
            InputJson = inputJson,
            ResultJson = AssessmentContract.Write(result),
            Triage = result.Triage,
            StartPhase = result.StartPhase,
        };
        db.Assessments.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// An anonymous assessment is readable by whoever holds its random id; a claimed one only by its owner.
    /// Anything else is "not found", so ids of other patients' assessments leak nothing.
    /// </summary>
    public static Task<AssessmentRecord?> FindVisibleAsync(IlioCareDbContext db, Guid id, string? accountId, CancellationToken ct) =>
        db.Assessments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && (a.AccountId == null || a.AccountId == accountId), ct);
}
