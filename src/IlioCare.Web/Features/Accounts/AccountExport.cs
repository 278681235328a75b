using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Accounts;

/// <summary>
/// Export all my data (F15, GDPR art. 15/20): everything stored about the signed-in account, and only it.
/// Every new table that holds patient data must be added here.
/// </summary>
internal static class AccountExport
{
    public static async Task<JsonObject?> BuildAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == accountId, ct);
        if (account is null) return null;
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.AccountId == accountId)
            .OrderBy(a => a.TakenAtUtc).ToListAsync(ct);

        return new JsonObject
        {
            ["exportedAtUtc"] = clock.GetUtcNow().UtcDateTime,
            ["account"] = new JsonObject
            {
                ["email"] = account.Email,
                ["createdAtUtc"] = account.CreatedAtUtc,
                ["twoFactorEnabled"] = account.TwoFactorEnabled,
            },
            ["profile"] = profile is null ? null : new JsonObject
            {
                ["ageAtSignUp"] = profile.AgeAtSignUp,
                ["termsAcceptedAtUtc"] = profile.TermsAcceptedAtUtc,
                ["onboardedAtUtc"] = profile.OnboardedAtUtc,
                ["side"] = profile.Side is { } side ? WireName.Of(side) : null,
                ["sports"] = new JsonArray(profile.Sports.Select(s => (JsonNode?)WireName.Of(s)).ToArray()),
                ["preInjuryWeeklyMinutes"] = profile.PreInjuryWeeklyMinutes,
                ["timeZone"] = profile.TimeZoneId,
                ["dailySessionTime"] = profile.DailySessionTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                ["massageCautions"] = new JsonArray(profile.MassageCautions.Select(c => (JsonNode?)WireName.Of(c)).ToArray()),
                ["painRule"] = WireName.Of(profile.PainRule),
                ["excludedExercises"] = new JsonArray(profile.ExcludedExercises.Select(e => (JsonNode?)WireName.Of(e)).ToArray()),
            },
            ["assessments"] = new JsonArray(assessments.Select(a => (JsonNode?)new JsonObject
            {
                ["id"] = a.Id,
                ["takenAtUtc"] = a.TakenAtUtc,
                ["input"] = JsonNode.Parse(a.InputJson),
                ["result"] = JsonNode.Parse(a.ResultJson),
            }).ToArray()),
            ["programStates"] = await RowsAsync(db.ProgramStates.Where(r => r.AccountId == accountId).OrderBy(r => r.EffectiveOn), ct),
            ["checkIns"] = await RowsAsync(db.CheckIns.Where(r => r.AccountId == accountId).OrderBy(r => r.Date), ct),
            ["exerciseLogs"] = await RowsAsync(db.ExerciseLogs.Where(r => r.AccountId == accountId).OrderBy(r => r.Date), ct),
            ["doses"] = await RowsAsync(db.Doses.Where(r => r.AccountId == accountId).OrderBy(r => r.EffectiveFrom), ct),
            ["pauses"] = await RowsAsync(db.Pauses.Where(r => r.AccountId == accountId).OrderBy(r => r.StartedOn), ct),
            ["functionalScaleActivities"] = await RowsAsync(db.FunctionalScaleActivities.Where(r => r.AccountId == accountId).OrderBy(r => r.Position), ct),
            ["functionalScaleRatings"] = await RowsAsync(db.FunctionalScaleRatings.Where(r => r.AccountId == accountId).OrderBy(r => r.WeekStart), ct),
            ["treatments"] = await RowsAsync(db.Treatments.Where(r => r.PatientId == accountId).OrderBy(r => r.Date), ct),
        };
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The patient's rows of one table as they are stored (enums by their wire names).</summary>
    private static async Task<JsonNode?> RowsAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : class =>
        JsonSerializer.SerializeToNode(await rows.AsNoTracking().ToListAsync(ct), s_json);
}
