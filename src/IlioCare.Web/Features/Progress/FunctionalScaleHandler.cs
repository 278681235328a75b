using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Progress;

/// <summary>
/// Writes the functional scale (F11), always for the signed-in account only. Named once: the names are read-only after,
/// because a score only means something against the same activity week after week. Our choice for changing them: the
/// patient starts the scale again (old activities and ratings deleted, after a confirming tick). One rating per activity
/// per ISO week (the patient's local Monday); rating again that week replaces it.
/// </summary>
internal static class FunctionalScaleHandler
{
    /// <summary>False when activities are already named (nothing is written).</summary>
    public static async Task<bool> NameAsync(IlioCareDbContext db, string accountId, string[] names, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.FunctionalScaleActivities.AnyAsync(a => a.AccountId == accountId, ct)) return false;
        db.FunctionalScaleActivities.AddRange(names.Select((name, i) =>
            new FunctionalScaleActivity { AccountId = accountId, Position = i + 1, Name = name, CreatedAtUtc = nowUtc }));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A double submit named them a moment ago (unique account + position): that naming stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static async Task RateAsync(IlioCareDbContext db, string accountId, DateOnly weekStart, int[] scores, DateTime nowUtc, CancellationToken ct)
    {
        try
        {
            await WriteRatingsAsync(db, accountId, weekStart, scores, nowUtc, ct);
        }
        catch (DbUpdateException)
        {
            // A double submit inserted this week's rows first (unique account + week + position): update them instead.
            db.ChangeTracker.Clear();
            await WriteRatingsAsync(db, accountId, weekStart, scores, nowUtc, ct);
        }
    }

    private static async Task WriteRatingsAsync(IlioCareDbContext db, string accountId, DateOnly weekStart, int[] scores, DateTime nowUtc, CancellationToken ct)
    {
        var existing = await db.FunctionalScaleRatings.Where(r => r.AccountId == accountId && r.WeekStart == weekStart).ToListAsync(ct);
        for (var i = 0; i < scores.Length; i++)
        {
            var rating = existing.FirstOrDefault(r => r.Position == i + 1);
            if (rating is null)
            {
                rating = new FunctionalScaleRating { AccountId = accountId, WeekStart = weekStart, Position = i + 1 };
                db.FunctionalScaleRatings.Add(rating);
            }
            rating.Score = scores[i];
            rating.RecordedAtUtc = nowUtc;
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task RestartAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        await db.InTransactionAsync(async token =>
        {
            await db.FunctionalScaleRatings.Where(r => r.AccountId == accountId).ExecuteDeleteAsync(token);
            return await db.FunctionalScaleActivities.Where(a => a.AccountId == accountId).ExecuteDeleteAsync(token);
        }, ct);
    }
}
