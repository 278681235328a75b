using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Mail;

/// <summary>
/// Delivers the outbox (issue 18). Each round takes due rows one by one with a lease (one conditional UPDATE: only an
/// unsent row whose lease is free or ran out is taken, so two instances on one database never both take a row), sends
/// it, then marks it sent and empties its body. A failed delivery puts the row back with a growing delay; a server that
/// is down only delays mail, the request that queued it was answered long before. Time is the app's TimeProvider.
/// </summary>
internal sealed partial class MailSender(IServiceScopeFactory scopes, MailSignal signal, MailDelivery delivery, TimeProvider clock, ILogger<MailSender> log)
    : BackgroundService
{
    /// <summary>How often an idle instance looks for mail queued by another instance, or due again after a failure.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);
    /// <summary>Longer than a delivery can take (the SMTP timeout is 30 s): a lease only runs out when its instance died.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int Batch = 20;

    /// <summary>This instance, as written in the lease column.</summary>
    private readonly string _instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>30 s, 1 min, 2 min, … at most an hour between attempts; never given up (nothing is lost).</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(attempts - 1, 10))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = signal.Next; // read before looking, so a mail queued meanwhile is not missed
            var more = false;
            try
            {
                more = await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away (a restart, a failover): try again at the next poll.
                LogRoundFailed(ex);
            }
            if (more) continue;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(woken, Task.Delay(PollInterval, clock, wait.Token));
            await wait.CancelAsync(); // the unfinished delay's timer
        }
    }

    /// <summary>One round: true when there may be more due rows right away.</summary>
    internal async Task<bool> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMails.AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in due)
        {
            if (await TryTakeAsync(db, id, ct) is not { } mail) continue; // another instance has it
            try
            {
                await delivery.DeliverAsync(mail, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                await GiveBackAsync(db, mail, ex, ct);
                return false; // the server is likely down for the rest too: wait for the next round
            }
            await MarkSentAsync(db, id);
        }
        return due.Count == Batch;
    }

    /// <summary>
    /// Sent is sent: recorded even while stopping, and tried again if the database is briefly busy — a row left leased
    /// and unsent would go a second time when its lease runs out. Through InTransactionAsync, so on SQLite it queues
    /// behind the app's other writes (SqliteWriteGate) instead of racing them for the file's lock.
    /// </summary>
    private async Task MarkSentAsync(IlioCareDbContext db, long id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var sent = clock.GetUtcNow().UtcDateTime;
                await db.InTransactionAsync(token => db.OutboxMails.Where(m => m.Id == id && m.LeaseOwner == _instance).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAtUtc, sent).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, "") // the link inside must not outlive its use
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, (string?)null), token), CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < 5)
            {
                LogMarkRetry(ex, id);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), CancellationToken.None); // real time: the database's, not the app's clock
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {OutboxId} was delivered but not yet marked sent; trying again")]
    private partial void LogMarkRetry(Exception ex, long outboxId);

    private async Task<OutboxMail?> TryTakeAsync(IlioCareDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        // The atomic step: the WHERE repeats the conditions, so of two instances racing for this row one updates it and
        // the other updates nothing (PostgreSQL re-checks the WHERE after waiting for the first's row lock; SQLite has one writer).
        var taken = await db.InTransactionAsync(token => db.OutboxMails
            .Where(m => m.Id == id && m.SentAtUtc == null && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, _instance).SetProperty(m => m.LeaseUntilUtc, until), token), ct);
        return taken == 1 ? await db.OutboxMails.AsNoTracking().FirstAsync(m => m.Id == id, ct) : null;
    }

    private async Task GiveBackAsync(IlioCareDbContext db, OutboxMail mail, Exception ex, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var next = clock.GetUtcNow().UtcDateTime + BackOff(attempts);
        var error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
        LogDeliveryFailed(mail.Id, attempts, next, ex.Message);
        await db.OutboxMails.Where(m => m.Id == mail.Id && m.LeaseOwner == _instance).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAtUtc, next).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {OutboxId} not delivered (attempt {Attempts}); next try at {NextAttemptUtc:o}: {Error}")]
    private partial void LogDeliveryFailed(long outboxId, int attempts, DateTime nextAttemptUtc, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail sender's round failed; it tries again at the next poll")]
    private partial void LogRoundFailed(Exception ex);
}
