using System.Net;
using System.Text.Json;
using IlioCare.Data;
using IlioCare.Web.Features.Mail;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Reminders.Push;

/// <summary>How a push to one account's devices went.</summary>
internal enum PushOutcome { NoDevice, Delivered, Failed }

/// <summary>
/// Sends one message to every device of an account through Lib.Net.Http.WebPush: the payload encrypted for each
/// device (RFC 8291 aes128gcm) and signed with our VAPID key (RFC 8292). A device the push service no longer knows
/// (404 or 410: the browser dropped the subscription) is deleted, as RFC 8030 §7.3 asks.
/// </summary>
internal sealed partial class PushDelivery(IHttpClientFactory httpClients, VapidKeys keys, IOptions<PushOptions> options,
    IOptions<MailOptions> mail, ILogger<PushDelivery> log)
{
    public const string HttpClientName = "web-push";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task<PushOutcome> SendAsync(IlioCareDbContext db, string accountId, PushText text, CancellationToken ct)
    {
        var devices = await db.PushSubscriptions.AsNoTracking().Where(s => s.AccountId == accountId).ToListAsync(ct);
        if (devices.Count == 0) return PushOutcome.NoDevice;
        var pair = await keys.GetAsync(ct);
        using var vapid = new VapidAuthentication(pair.PublicKey, pair.PrivateKey) { Subject = Subject() };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName))
        {
            DefaultAuthentication = vapid,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid, // RFC 8292 §3: "vapid t=…, k=…"
        };
        var payload = JsonSerializer.Serialize(new { title = text.Title, body = text.Body, url = text.Url }, s_json);
        int delivered = 0, gone = 0;
        foreach (var device in devices)
        {
            if (!options.Value.Allows(device.Endpoint))
            {
                // Stored before the allowed hosts were narrowed: never post to it.
                await ForgetAsync(db, device.Id, ct);
                gone++;
                continue;
            }
            var subscription = new PushSubscription { Endpoint = device.Endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
            var message = new PushMessage(payload) { Topic = text.Topic, TimeToLive = (int)text.TimeToLive.TotalSeconds, Urgency = PushMessageUrgency.Normal };
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, message, ct);
                delivered++;
            }
            catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                await ForgetAsync(db, device.Id, ct);
                gone++;
            }
            catch (Exception ex) when (ex is PushServiceClientException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                LogPushFailed(ex, device.Id);
            }
        }
        return delivered > 0 ? PushOutcome.Delivered : gone == devices.Count ? PushOutcome.NoDevice : PushOutcome.Failed;
    }

    private static Task<int> ForgetAsync(IlioCareDbContext db, long id, CancellationToken ct) =>
        db.InTransactionAsync(token => db.PushSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(token), ct);

    /// <summary>RFC 8292 §2.1: a contact for the push service — an https address or a mailto: URI.</summary>
    private string Subject()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Subject)) return options.Value.Subject;
        if (mail.Value.PublicUrl is { Scheme: "https" } url) return url.GetLeftPart(UriPartial.Authority);
        return "mailto:" + MimeKit.MailboxAddress.Parse(mail.Value.From).Address;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push to device {SubscriptionId} failed; it is kept for the next message")]
    private partial void LogPushFailed(Exception ex, long subscriptionId);
}
