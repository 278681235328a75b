using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// The holiday-or-illness pause (F8), for the pause page and <c>/api/v1/me/pause</c>: it starts today and ends
/// when the patient is back; paused weeks stay out of the load series, and today's review runs again either way.
/// </summary>
internal static class PauseHandler
{
    /// <summary>False when a pause already covers today (nothing changes), also when another request started it a moment ago.</summary>
    public static async Task<bool> StartAsync(IlioCareDbContext db, string accountId, DateOnly today, PauseReason reason, TimeProvider clock, CancellationToken ct)
    {
        var pauses = await db.Pauses.AsNoTracking().Where(p => p.AccountId == accountId && p.StartedOn <= today).ToListAsync(ct);
        if (pauses.Any(p => p.Covers(today))) return false;
        db.Pauses.Add(new PauseRecord { AccountId = accountId, StartedOn = today, Reason = reason });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ConstraintViolation.IsUnique(ex))
        {
            // Two quick requests (a double tap, the page and the API) both found no pause: the unique index on
            // (account, start day) lets one pause in, and this one is the "already paused" of the other
            // (issue 13 finding 7: two pauses, and ending one left the other running).
            db.ChangeTracker.Clear();
            return false;
        }
        // Today's check-in, if already done, is now a paused day: its review changes.
        await MorningReviewHandler.ReviewAgainAsync(db, accountId, today, clock, ct);
        return true;
    }

    /// <summary>False when no pause covers today. A pause begun today leaves nothing behind; an older one ends yesterday.</summary>
    public static async Task<bool> EndAsync(IlioCareDbContext db, string accountId, DateOnly today, TimeProvider clock, CancellationToken ct)
    {
        var pauses = await db.Pauses.Where(p => p.AccountId == accountId && p.StartedOn <= today).ToListAsync(ct);
        if (pauses.FirstOrDefault(p => p.Covers(today)) is not { } pause) return false;
        if (pause.StartedOn >= today) db.Pauses.Remove(pause);
        else pause.EndedOn = today.AddDays(-1);
        await db.SaveChangesAsync(ct);
        await MorningReviewHandler.ReviewAgainAsync(db, accountId, today, clock, ct);
        return true;
    }
}
