using Microsoft.AspNetCore.Identity;

namespace IlioCare.Data;

/// <summary>A person who signs in: a patient, a clinician or an admin (<see cref="Roles"/>).</summary>
public sealed class Account : IdentityUser
{
    /// <summary>The longest name stored (the column's size).</summary>
    public const int MaxNameLength = 100;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The person's name, what the clinician, the caseload and the visit summary call them (issue 18). One column for
    /// everyone: staff get it from <c>iliocare create-clinician --name</c> or the admin page, patients at sign-up.
    /// Patients who signed up before names were asked got their e-mail address here (migration PersonName) and
    /// <see cref="NamePromptPending"/>; code still falls back to the e-mail for a null.
    /// </summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// Asked at sign-up (issue 18): the F18 16+ gate is computed from it, and it is the FHIR Patient's birthDate.
    /// Null for staff and for patients who signed up before it was asked.
    /// </summary>
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>True until a patient whose name was filled in from their e-mail (migration) sets or keeps it once.</summary>
    public bool NamePromptPending { get; set; }

    /// <summary>
    /// The password was set by someone else (an admin on /admin/clinicians, or the operator's create-clinician):
    /// the next sign-in must choose a new one before anything else (issue 18: staff passwords do not live for ever).
    /// </summary>
    public bool PasswordChangeRequired { get; set; }

    /// <summary>
    /// The last 30-second time step whose authenticator code was accepted (RFC 6238 §5.2: "the verifier MUST NOT
    /// accept the second attempt of the same OTP"): a code seen over a shoulder or in a proxy log cannot be used
    /// again, and no older step either. Null until the first code.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>The longest language code stored (the column's size); today only "en" and "es" are written.</summary>
    public const int MaxLanguageLength = 8;

    /// <summary>
    /// The language the person chose (issue 16): "en" or "es", set at sign-up from the page's language and changed in
    /// the footer or on /account. Their mails and push messages are written in it, and a sign-in on another phone
    /// starts in it. Null for accounts from before issue 16 (English for mails, the browser's language for pages).
    /// </summary>
    public string? Language { get; set; }
}
