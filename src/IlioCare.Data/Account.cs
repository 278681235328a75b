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
}
