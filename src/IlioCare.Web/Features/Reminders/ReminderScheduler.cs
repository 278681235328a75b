using IlioCare.Data;
using IlioCare.Web.Features.Mail;
using IlioCare.Web.Features.Reminders.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Reminders;

/// <summary>
/// Sends the reminders and alerts (issue 14) from inside the app: every <see cref="PollInterval"/> it asks
/// <see cref="DueReminders"/> what is due and sends each one once. Several instances on one database share the work
/// through <c>ReminderDeliveries</c>: a reminder is claimed by inserting its row (unique per recipient, kind, local
/// date and subject), so the second instance's insert fails and it moves on; the claimer holds a lease while it sends,
/// and a claim whose instance died is taken again when the lease runs out. Time is the app's TimeProvider.
/// </summary>
internal sealed partial class ReminderScheduler(IServiceScopeFactory scopes, VapidKeys keys, PushDelivery push, ReminderMessages messages, MailSignal mailSignal,
    IOptions<MailOptions> mail, IConfiguration configuration, TimeProvider clock, ILogger<ReminderScheduler> log) : BackgroundService
{
    /// <summary>Reminders are set to the minute; half a minute late at most, and an alert within half a minute.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    /// <summary>Longer than a round of pushes can take (30 s timeout per device): a lease only runs out when its instance died.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly string _instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reminders:Scheduler=off stops the loop (tests drive RunOnceAsync themselves); the keys are still made on start.
        var enabled = !string.Equals(configuration["Reminders:Scheduler"], "off", StringComparison.OrdinalIgnoreCase);
        try
        {
            await keys.GetAsync(stoppingToken); // "made on first start" (issue 14)
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogRoundFailed(ex); // the database is away: the first use makes them
        }
        while (enabled && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(ex);
            }
            await Task.Delay(PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One round: everything due now goes (or is left to the instance that claimed it). Returns how many this instance sent.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueReminders.PatientRemindersAsync(db, now, ct);
        due.AddRange(await DueReminders.ClinicianAlertsAsync(db, now, ct));
        var sent = 0;
        foreach (var reminder in due)
        {
            if (await TryClaimAsync(db, reminder, now, ct) is not { } id) continue; // another instance has it
            if (await DeliverAsync(db, reminder, id, ct)) sent++;
        }
        return sent;
    }

    /// <summary>The claim: a new row under our lease, or an unsent row whose lease ran out. Null when someone else holds it.</summary>
    private async Task<long?> TryClaimAsync(IlioCareDbContext db, DueReminder r, DateTime now, CancellationToken ct)
    {
        var until = now + Lease;
        var existing = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.AccountId == r.AccountId && d.Kind == r.Kind && d.LocalDate == r.LocalDate && d.Subject == r.Subject)
            .Select(d => new { d.Id, d.SentAtUtc }).FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            var row = new ReminderDelivery
            {
                AccountId = r.AccountId, Kind = r.Kind, LocalDate = r.LocalDate, Subject = r.Subject, CreatedAtUtc = now,
                LeaseOwner = _instance, LeaseUntilUtc = until,
            };
            try
            {
                await db.InTransactionAsync(async token =>
                {
                    db.ChangeTracker.Clear();
                    db.ReminderDeliveries.Add(row);
                    await db.SaveChangesAsync(token);
                }, ct);
                return row.Id;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return null; // the unique index: another instance inserted it first
            }
        }
        if (existing.SentAtUtc is not null) return null;
        // The same conditional UPDATE as the mail outbox: of two instances racing for a dead lease, one updates the row.
        var taken = await db.InTransactionAsync(token => db.ReminderDeliveries
            .Where(d => d.Id == existing.Id && d.SentAtUtc == null && (d.LeaseUntilUtc == null || d.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, _instance).SetProperty(d => d.LeaseUntilUtc, until), token), ct);
        return taken == 1 ? existing.Id : null;
    }

    /// <summary>Push to the recipient's devices; e-mail when they asked for it (and push did not reach a patient). True when something went.</summary>
    private async Task<bool> DeliverAsync(IlioCareDbContext db, DueReminder r, long id, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(a => a.Id == r.AccountId)
            .Select(a => new { a.Email, a.EmailConfirmed, a.DisplayName, a.Language }).FirstOrDefaultAsync(ct);
        var prefs = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(n => n.AccountId == r.AccountId, ct) ?? new() { AccountId = r.AccountId };
        if (account is null) return false;
        var alert = r.Kind == ReminderKind.WarningSignAlert;
        var outcome = !alert || prefs.WarningSignAlertPush
            ? await push.SendAsync(db, r.AccountId, messages.Push(account.Language, r.Kind, r.Path), ct)
            : PushOutcome.NoDevice;
        // A mail only to a confirmed address: a mistyped one must not tell a stranger about someone's care (H204).
        var wantsMail = alert ? prefs.WarningSignAlertEmails : prefs.EmailReminders && outcome != PushOutcome.Delivered;
        var mailTo = wantsMail && account.EmailConfirmed && account.Email is { } to ? to : null;
        if (outcome == PushOutcome.Failed && mailTo is null)
            return false; // the push service is away: the lease runs out and the next round tries again, within the window
        var channel = (outcome == PushOutcome.Delivered, mailTo is not null) switch
        {
            (true, true) => "push+email",
            (true, false) => "push",
            (false, true) => "email",
            (false, false) => "none",
        };
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.InTransactionAsync(async token =>
        {
            db.ChangeTracker.Clear();
            if (mailTo is not null)
            {
                var publicBase = mail.Value.PublicUrl ?? new Uri("http://localhost/"); // pickup mode on a developer's machine
                Outbox.Add(db, messages.Mail(account.Language, r.Kind, mailTo, account.DisplayName ?? mailTo, new Uri(publicBase, r.Path.TrimStart('/')).ToString(),
                    new Uri(publicBase, "reminders").ToString()), sentAt);
                await db.SaveChangesAsync(token);
            }
            await db.ReminderDeliveries.Where(d => d.Id == id && d.LeaseOwner == _instance).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.SentAtUtc, sentAt).SetProperty(d => d.Channel, channel)
                .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseUntilUtc, (DateTime?)null), token);
        }, ct);
        if (mailTo is not null) mailSignal.Wake();
        return channel != "none";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder scheduler's round failed; it tries again at the next poll")]
    private partial void LogRoundFailed(Exception ex);
}
