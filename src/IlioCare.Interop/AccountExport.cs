using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Interop;

/// <summary>
/// Export all my data (F15, GDPR art. 15/20): everything stored about the signed-in account, and only it.
/// Every new table that holds patient data must be added here. Shared by the web app (/account/export) and
/// the operator's <c>iliocare export --format json</c>.
/// </summary>
public static class AccountExport
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
                ["name"] = account.DisplayName,
                ["dateOfBirth"] = account.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["emailVerified"] = account.EmailConfirmed,
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
            // Issue 15: the exercises clinicians wrote for the patient (taken-out ones too: their logs refer to them) and their logs.
            ["customExercises"] = await RowsAsync(db.CustomExercises.Where(r => r.PatientId == accountId).OrderBy(r => r.Id), ct),
            ["customExerciseLogs"] = await RowsAsync(db.CustomExerciseLogs.Where(r => r.AccountId == accountId).OrderBy(r => r.Date), ct),
            ["doses"] = await RowsAsync(db.Doses.Where(r => r.AccountId == accountId).OrderBy(r => r.EffectiveFrom), ct),
            ["pauses"] = await RowsAsync(db.Pauses.Where(r => r.AccountId == accountId).OrderBy(r => r.StartedOn), ct),
            ["functionalScaleActivities"] = await RowsAsync(db.FunctionalScaleActivities.Where(r => r.AccountId == accountId).OrderBy(r => r.Position), ct),
            ["functionalScaleRatings"] = await RowsAsync(db.FunctionalScaleRatings.Where(r => r.AccountId == accountId).OrderBy(r => r.WeekStart), ct),
            ["careLinks"] = await CareLinksAsync(db, accountId, ct),
            ["treatments"] = await TreatmentsAsync(db, accountId, ct),
            // The invites' dates only: the code's hash is a secret of its own and tells the patient nothing.
            ["invites"] = new JsonArray((await db.LinkInvites.AsNoTracking().Where(i => i.PatientId == accountId).OrderBy(i => i.CreatedAtUtc).ToListAsync(ct))
                .Select(i => (JsonNode?)new JsonObject
                {
                    ["createdAtUtc"] = i.CreatedAtUtc, ["expiresAtUtc"] = i.ExpiresAtUtc, ["redeemedAtUtc"] = i.RedeemedAtUtc,
                }).ToArray()),
            // The personal access tokens (F16) by name and dates; never the hash, which is a secret of its own.
            ["accessTokens"] = new JsonArray((await db.AccessTokens.AsNoTracking().Where(t => t.AccountId == accountId).OrderBy(t => t.CreatedAtUtc).ToListAsync(ct))
                .Select(t => (JsonNode?)new JsonObject
                {
                    ["name"] = t.Name, ["prefix"] = t.Prefix, ["createdAtUtc"] = t.CreatedAtUtc, ["expiresAtUtc"] = t.ExpiresAtUtc,
                    ["lastUsedAtUtc"] = t.LastUsedAtUtc, ["revokedAtUtc"] = t.RevokedAtUtc,
                }).ToArray()),
        };
    }

    /// <summary>The clinicians who follow or followed the patient (F13), by the name the patient knows them by.</summary>
    private static async Task<JsonArray> CareLinksAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var links = await (from l in db.CareLinks.AsNoTracking()
                           join u in db.Users on l.ClinicianId equals u.Id
                           where l.PatientId == accountId
                           orderby l.LinkedAtUtc
                           select new { l, Name = u.DisplayName ?? u.Email }).ToListAsync(ct);
        return new JsonArray(links.Select(x => (JsonNode?)new JsonObject
        {
            ["clinician"] = x.Name,
            ["linkedAtUtc"] = x.l.LinkedAtUtc,
            ["endedAtUtc"] = x.l.EndedAtUtc,
            ["endReason"] = x.l.EndReason is { } end ? WireName.Of(end) : null,
            ["endedByPatient"] = x.l.EndedAtUtc is null ? null : x.l.EndedBy == accountId,
        }).ToArray());
    }

    /// <summary>The treatments clinicians recorded for the patient (F13); a clinician since deleted shows as null.</summary>
    private static async Task<JsonArray> TreatmentsAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var rows = await (from t in db.Treatments.AsNoTracking()
                          where t.PatientId == accountId
                          orderby t.Date, t.RecordedAtUtc
                          select new { t, Name = db.Users.Where(u => u.Id == t.ClinicianId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault() })
            .ToListAsync(ct);
        return new JsonArray(rows.Select(x => (JsonNode?)new JsonObject
        {
            ["date"] = x.t.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = WireName.Of(x.t.Kind),
            ["notes"] = x.t.Notes,
            ["clinician"] = x.Name,
            ["recordedAtUtc"] = x.t.RecordedAtUtc,
        }).ToArray());
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The patient's rows of one table as they are stored (enums by their wire names).</summary>
    private static async Task<JsonNode?> RowsAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : class =>
        JsonSerializer.SerializeToNode(await rows.AsNoTracking().ToListAsync(ct), s_json);
}
