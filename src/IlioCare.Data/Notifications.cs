namespace IlioCare.Data;

/// <summary>
/// One device that asked for push messages (issue 14): the browser's push subscription (RFC 8030 endpoint and the
/// RFC 8291 keys). One row per device: the endpoint is unique, and a device that subscribes again — or that another
/// account signs in on and subscribes — moves the row rather than doubling it. Deleted with the account (cascade),
/// when its owner turns push off, and when the push service answers 404/410 (the browser dropped it).
/// </summary>
public sealed class PushSubscriptionRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    /// <summary>The push service's address for this device (https, one of the known push services).</summary>
    public required string Endpoint { get; set; }
    /// <summary>The browser's P-256 public key, base64url (RFC 8291 ua_public).</summary>
    public required string P256dh { get; set; }
    /// <summary>The browser's 16-byte auth secret, base64url (RFC 8291 auth_secret).</summary>
    public required string Auth { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// What a person chose to receive (issue 14, issue 15), all off until they turn it on. Patients: reminders by e-mail
/// when no device of theirs has push. Clinicians: a message when a linked patient reports a warning sign.
/// </summary>
public sealed class NotificationPreference
{
    public required string AccountId { get; set; }
    /// <summary>Patient: e-mail the daily reminder and the nudge when no device of theirs takes push messages.</summary>
    public bool EmailReminders { get; set; }
    /// <summary>Clinician: e-mail "A patient of yours needs attention" on a new warning-sign alert.</summary>
    public bool WarningSignAlertEmails { get; set; }
    /// <summary>Clinician: the same alert as a push message on the devices they subscribed.</summary>
    public bool WarningSignAlertPush { get; set; }
}

/// <summary>
/// One reminder or alert that went out, or is going (issue 14's scheduler). Unique per recipient, kind, local date and
/// subject, so of several instances only one sends it; the instance that inserted or took it holds a lease while it
/// sends, and a lease that ran out (the instance died) lets another take it. Deleted with the recipient's account.
/// </summary>
public sealed class ReminderDelivery
{
    public long Id { get; set; }
    /// <summary>Who receives it.</summary>
    public required string AccountId { get; set; }
    /// <summary>session-reminder, check-in-nudge or warning-sign-alert.</summary>
    public required string Kind { get; set; }
    /// <summary>The day it is for, in the zone of the patient it is about.</summary>
    public DateOnly LocalDate { get; set; }
    /// <summary>
    /// What it is about beyond the recipient: "" for a patient's own reminders; for an alert, a pseudonym of the patient
    /// (a hash, so the row says nothing about whom once that patient deletes their account).
    /// </summary>
    public string Subject { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    /// <summary>push, email, or none (nobody to send it to: recorded so it is not tried again).</summary>
    public string? Channel { get; set; }
}

/// <summary>
/// The server's VAPID key pair (RFC 8292), made on first start and shared by every instance. The private key is
/// encrypted with the at-rest key (like the key ring and second factors): a copy of the database alone cannot send
/// push messages as IlioCare.
/// </summary>
public sealed class WebPushKey
{
    /// <summary>Always <see cref="TheOne"/>: one pair per deployment, so two instances starting at once make one.</summary>
    public int Id { get; set; }
    public const int TheOne = 1;
    /// <summary>The uncompressed P-256 point, base64url: the applicationServerKey browsers subscribe with.</summary>
    public required string PublicKey { get; set; }
    /// <summary>The private scalar, base64url, encrypted at rest.</summary>
    public required string PrivateKeyProtected { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
