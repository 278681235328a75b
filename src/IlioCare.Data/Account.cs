using Microsoft.AspNetCore.Identity;

namespace IlioCare.Data;

/// <summary>A person who signs in: a patient, a clinician or an admin (<see cref="Roles"/>).</summary>
public sealed class Account : IdentityUser
{
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The name other people see: required for clinicians (a patient must know who follows them and who read
    /// their data, F15), optional for patients (the caseload falls back to the e-mail address).
    /// </summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// The last 30-second time step whose authenticator code was accepted (RFC 6238 §5.2: "the verifier MUST NOT
    /// accept the second attempt of the same OTP"): a code seen over a shoulder or in a proxy log cannot be used
    /// again, and no older step either. Null until the first code.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
}
