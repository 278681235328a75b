using System.Security.Claims;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Features.Reminders.Push;
using Microsoft.Extensions.Options;

namespace IlioCare.Web.Features.Reminders;

/// <summary>
/// Notifications over the API (issue 14, issue 15): the VAPID public key a browser subscribes with, one device's
/// subscription on and off, and the e-mail and alert choices. The /reminders page's script uses the first three.
/// </summary>
internal static class NotificationEndpoints
{
    /// <summary>The key for <c>pushManager.subscribe({applicationServerKey})</c>: the uncompressed P-256 point, base64url.</summary>
    internal sealed record PushKeyResponse(string PublicKey);
    /// <summary>RFC 8291's two keys of the browser, base64url.</summary>
    internal sealed record SubscriptionKeys(string P256dh, string Auth);
    /// <summary>A browser's <c>PushSubscription</c>: its endpoint and keys (send them as <c>toJSON()</c> gives them, without expirationTime).</summary>
    internal sealed record SubscriptionRequest(string Endpoint, SubscriptionKeys Keys);
    /// <summary>
    /// The choices: patients' e-mail reminders (when no device has push) and, for clinicians, warning-sign alerts by e-mail
    /// and by push. <c>pushDevices</c> counts the caller's devices with push on (read only).
    /// </summary>
    internal sealed record NotificationSettingsResponse(bool EmailReminders, bool WarningSignAlertEmails, bool WarningSignAlertPush, int PushDevices);
    /// <summary>Each field optional: a field left out keeps its value. The two alert fields are for clinicians only.</summary>
    internal sealed record NotificationSettingsRequest(bool? EmailReminders, bool? WarningSignAlertEmails, bool? WarningSignAlertPush);

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Notifications");
        me.MapGet("/push/public-key", PublicKeyAsync).Produces<PushKeyResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapPost("/push-subscriptions", SubscribeAsync).Accepts<SubscriptionRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        me.MapDelete("/push-subscriptions", UnsubscribeAsync)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/notifications", SettingsAsync).Produces<NotificationSettingsResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapPut("/notifications", SaveSettingsAsync).Accepts<NotificationSettingsRequest>("application/json")
            .Produces<NotificationSettingsResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    internal static async Task<IResult> PublicKeyAsync(VapidKeys keys, CancellationToken ct) =>
        TypedResults.Ok(new PushKeyResponse((await keys.GetAsync(ct)).PublicKey));

    internal static async Task<IResult> SubscribeAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db,
        IOptions<PushOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r =>
        {
            var endpoint = r.RequiredString("endpoint", 1000);
            var keys = r.RequiredObject("keys");
            var p256dh = keys?.RequiredString("p256dh", 200);
            var auth = keys?.RequiredString("auth", 200);
            return endpoint is null || p256dh is null || auth is null ? null : new DeviceSubscription(endpoint, p256dh, auth);
        }, ct);
        if (body.Value is not { } device) return body.Problem!;
        if (NotificationSettings.Check(device, options.Value) is { Count: > 0 } errors) return JsonBody.Invalid(errors);
        await NotificationSettings.SubscribeAsync(db, ApiGroups.AccountId(user), NotificationSettings.Normalised(device), clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.NoContent();
    }

    /// <summary><c>?endpoint=</c> turns one device off; without it, every device of the caller.</summary>
    internal static async Task<IResult> UnsubscribeAsync(string? endpoint, ClaimsPrincipal user, IlioCareDbContext db, CancellationToken ct)
    {
        if (endpoint is { Length: 0 or > 1000 }) return JsonBody.Invalid("endpoint", "must be the device's push endpoint, or left out for every device");
        return await NotificationSettings.UnsubscribeAsync(db, ApiGroups.AccountId(user), endpoint, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such device of yours has notifications on");
    }

    internal static async Task<IResult> SettingsAsync(ClaimsPrincipal user, IlioCareDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(db, ApiGroups.AccountId(user), ct));

    internal static async Task<IResult> SaveSettingsAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, CancellationToken ct)
    {
        var clinician = user.IsInRole(Roles.Clinician);
        var body = await JsonBody.ReadAsync(request, r =>
        {
            bool? Read(string name, bool clinicianOnly)
            {
                if (!r.Has(name)) return null;
                var value = r.RequiredBool(name);
                // Named with any other bad field, in the one 400 (SPEC §2).
                if (clinicianOnly && value == true && !clinician) r.Error(name, "is for clinicians: alerts about their patients");
                return value;
            }
            var choice = new NotificationSettingsRequest(Read("emailReminders", false), Read("warningSignAlertEmails", true), Read("warningSignAlertPush", true));
            return r.HasErrors ? null : choice;
        }, ct);
        if (body.Value is not { } input) return body.Problem!;
        var accountId = ApiGroups.AccountId(user);
        await NotificationSettings.SaveAsync(db, accountId, row =>
        {
            row.EmailReminders = input.EmailReminders ?? row.EmailReminders;
            row.WarningSignAlertEmails = input.WarningSignAlertEmails ?? row.WarningSignAlertEmails;
            row.WarningSignAlertPush = input.WarningSignAlertPush ?? row.WarningSignAlertPush;
        }, ct);
        return TypedResults.Ok(await ResponseAsync(db, accountId, ct));
    }

    private static async Task<NotificationSettingsResponse> ResponseAsync(IlioCareDbContext db, string accountId, CancellationToken ct)
    {
        var p = await NotificationSettings.LoadAsync(db, accountId, ct);
        return new(p.EmailReminders, p.WarningSignAlertEmails, p.WarningSignAlertPush, await NotificationSettings.DeviceCountAsync(db, accountId, ct));
    }
}
