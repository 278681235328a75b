namespace IlioCare.Web.Tests;

/// <summary>One endpoint's designed answer for each principal: "200", "401", "404", "302 /sign-in", …</summary>
public sealed record MatrixRow(string Anonymous, string Owner, string OtherPatient, string LinkedClinician, string UnlinkedClinician, string Admin)
{
    public string this[Principal who] => who switch
    {
        Principal.Anonymous => Anonymous,
        Principal.Owner => Owner,
        Principal.OtherPatient => OtherPatient,
        Principal.LinkedClinician => LinkedClinician,
        Principal.UnlinkedClinician => UnlinkedClinician,
        Principal.Admin => Admin,
    };
}

/// <summary>
/// The designed answer of every endpoint × principal (issue 6). Route values are the owner's (their today, their
/// assessment, their token, their calendar feed). Writes carry an empty body: 400 = let through, then refused as
/// bad input (a page's form without its antiforgery token, or a JSON body missing its fields).
/// </summary>
internal static class AuthorizationMatrix
{
    //                                           anonymous, owner, other patient, linked clinician, unlinked clinician, admin
    public static readonly IReadOnlyDictionary<string, MatrixRow> Rows = new Dictionary<string, MatrixRow>(StringComparer.Ordinal)
    {
        // Public pages: anyone reads them; a post without the page's antiforgery token is refused (400).
        ["GET /"] = All("200"), ["POST /"] = All("400"),
        ["GET /terms"] = All("200"), ["POST /terms"] = All("400"),
        ["GET /error"] = All("200"), ["POST /error"] = All("400"),
        ["GET /not-found"] = All("200"), ["POST /not-found"] = All("400"),
        ["GET /learn"] = All("200"), ["POST /learn"] = All("400"),
        ["GET /learn/anatomy"] = All("200"), ["POST /learn/anatomy"] = All("400"),
        ["GET /learn/conditions"] = All("200"), ["POST /learn/conditions"] = All("400"),
        ["GET /learn/when-to-see-a-doctor"] = All("200"), ["POST /learn/when-to-see-a-doctor"] = All("400"),
        ["GET /library"] = All("200"), ["POST /library"] = All("400"),
        ["GET /library/{Id}"] = All("200"), ["POST /library/{Id}"] = All("400"),
        ["GET /assessment"] = All("200"), ["POST /assessment"] = All("400"),
        ["GET /sign-in"] = All("200"), ["POST /sign-in"] = All("400"),
        ["GET /sign-up"] = All("200"), ["POST /sign-up"] = All("400"),
        ["POST /account/sign-out"] = All("400"),
        ["POST /language"] = All("400"), // the footer's language switch: anyone, with the page's antiforgery token (issue 16)
        // An assessment result is its taker's: anyone else gets 404, not a hint that it exists.
        ["GET /assessment/{Id:guid}"] = new("404", "200", "404", "404", "404", "404"),
        ["POST /assessment/{Id:guid}"] = All("400"),
        // Operations and the API's description: no personal data.
        ["GET /healthz"] = All("200"), ["GET /readyz"] = All("200"),
        ["GET /api/{**path}"] = All("404"), // issue 13: an unknown API path is a 404 in problem details
        ["GET /openapi/{documentName}.json"] = All("200"),
        ["GET /api/docs/{documentName?}"] = All("200"),
        ["GET /api/docs/scalar.js"] = All("200"), ["GET /api/docs/scalar.aspnetcore.js"] = All("200"), ["GET /api/docs/favicon.svg"] = All("200"),
        ["GET /_framework/opaque-redirect"] = All("400"), // Blazor's own; refuses a request it did not make
        // The calendar feed: no sign-in, the secret address is the key (F12).
        ["GET /calendar/{token}.ics"] = All("200"),
        // The stateless assessment API: anyone; an empty body is bad input.
        ["POST /api/v1/assessments"] = All("400"),

        // Patient pages: sign in first; each signed-in account sees its own (staff have no program: onboarding prompts).
        ["GET /today"] = SignedIn("200"), ["POST /today"] = SignedIn("400"),
        ["GET /today/session"] = new("302 /sign-in", "302 /today/session/lying-hip-rotation", "302 /today", "302 /today", "302 /today", "302 /today"),
        ["POST /today/session"] = SignedIn("400"),
        ["GET /today/session/{ExerciseId}"] = new("302 /sign-in", "200", "200", "404", "404", "404"),
        ["POST /today/session/{ExerciseId}"] = SignedIn("400"),
        ["GET /check-in"] = SignedIn("200"), ["POST /check-in"] = SignedIn("400"),
        ["GET /check-in/pause"] = SignedIn("200"), ["POST /check-in/pause"] = SignedIn("400"),
        ["GET /program"] = SignedIn("200"), ["POST /program"] = SignedIn("400"),
        ["GET /program/paused"] = SignedIn("200"), ["POST /program/paused"] = SignedIn("400"),
        ["GET /program/resume"] = SignedIn("200"), ["POST /program/resume"] = SignedIn("400"),
        ["GET /progress"] = SignedIn("200"), ["POST /progress"] = SignedIn("400"),
        ["GET /summary"] = SignedIn("200"), ["POST /summary"] = SignedIn("400"),
        ["GET /reminders"] = SignedIn("200"), ["POST /reminders"] = SignedIn("400"),
        ["GET /onboarding"] = SignedIn("200"), ["POST /onboarding"] = SignedIn("400"),
        ["GET /account"] = SignedIn("200"), ["POST /account"] = SignedIn("400"),
        ["GET /account/export"] = SignedIn("200"),
        ["GET /account/tokens"] = SignedIn("200"), ["POST /account/tokens"] = SignedIn("400"),

        // The API under /api/v1/me: 401 (never a redirect) without a cookie or token; always the caller's own data;
        // staff have no program (409). The owner's token id is the owner's alone: anyone else gets 404.
        ["GET /api/v1/me"] = Api("200"),
        ["GET /api/v1/me/export"] = Api("200"),
        ["GET /api/v1/me/tokens"] = Api("200"),
        ["POST /api/v1/me/tokens"] = Api("400"),
        ["DELETE /api/v1/me/tokens/{id:long}"] = new("401", "204", "404", "404", "404", "404"),
        ["GET /api/v1/me/today"] = Patients("200"),
        ["GET /api/v1/me/check-ins"] = Patients("200"),
        ["PUT /api/v1/me/check-ins/{date}"] = Patients("400"),
        ["POST /api/v1/me/calendar-feed"] = Patients("200"),
        ["POST /api/v1/me/exercise-logs"] = Patients("400"),
        ["POST /api/v1/me/pause"] = Patients("400"),
        ["DELETE /api/v1/me/pause"] = Api("409"), // nobody is paused: nothing to end
        ["POST /api/v1/me/resume"] = Patients("400"),
        ["GET /api/v1/me/program"] = Patients("200"),
        ["GET /api/v1/me/progress"] = Patients("200"),
        ["GET /api/v1/me/functional-scale"] = Patients("200"),
        ["PUT /api/v1/me/functional-scale"] = Patients("400"),
        ["PUT /api/v1/me/onboarding"] = Patients("400"),

        // Two-factor, roles, care team (i6-twofactor, as merged): staff pages need the role and a second factor;
        // the wrong role gets the access-denied page. A write's empty form stops at antiforgery (400) once let in,
        // so the unlinked clinician's 404 on discharge/unlink is shown by the care-team tests, not here.
        ["GET /access-denied"] = All("403"), ["POST /access-denied"] = All("400"),
        ["GET /sign-in/two-factor"] = All("302 /sign-in"), ["POST /sign-in/two-factor"] = All("400"),
        ["GET /account/delete"] = SignedIn("200"), ["POST /account/delete"] = SignedIn("400"),
        ["GET /account/two-factor"] = SignedIn("200"), ["POST /account/two-factor"] = SignedIn("400"),
        ["GET /admin/clinicians"] = AdminOnly("200"), ["POST /admin/clinicians"] = AdminOnly("400"),
        ["GET /care"] = PatientOnly("200"), ["POST /care"] = PatientOnly("400"),
        ["GET /care/audit"] = PatientOnly("200"), ["POST /care/audit"] = PatientOnly("400"),
        ["GET /clinician/link"] = ClinicianOnly("200"), ["POST /clinician/link"] = ClinicianOnly("400"),
        ["POST /clinician/patients/{patientId}/discharge"] = ClinicianOnly("400"),
        ["POST /clinician/patients/{patientId}/unlink"] = ClinicianOnly("400"),

        // Caseload, exports, admin audit: staff pages need the role and a second factor (else the access-denied page),
        // staff APIs answer 403; a patient id the clinician is not linked to is 404 (not 403: no hint it exists);
        // a clinician's own caseload is theirs (empty for the unlinked one). Everyone's own downloads are their own.
        // An API write validates its body before the link check: an empty body is 400 for any clinician, and the
        // unlinked clinician's 404 on a valid body is shown by CaseloadApiContractTests/ClinicianPageTests.
        ["GET /account/export/check-ins.csv"] = new("302 /sign-in", "200", "200", "200", "200", "200"),
        ["GET /account/export/fhir"] = new("302 /sign-in", "200", "200", "200", "200", "200"),
        ["GET /account/export/sessions.csv"] = new("302 /sign-in", "200", "200", "200", "200", "200"),
        ["GET /admin/audit"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "302 /access-denied", "302 /access-denied", "200"),
        ["GET /api/v1/caseload"] = new("401", "403", "403", "200", "200", "403"),
        ["GET /api/v1/me/export/check-ins.csv"] = new("401", "200", "200", "200", "200", "200"),
        ["GET /api/v1/me/export/fhir"] = new("401", "200", "200", "200", "200", "200"),
        ["GET /api/v1/me/export/sessions.csv"] = new("401", "200", "200", "200", "200", "200"),
        ["GET /api/v1/patients/{patientId}"] = new("401", "403", "403", "200", "404", "403"),
        ["GET /api/v1/patients/{patientId}/export/check-ins.csv"] = new("401", "403", "403", "200", "404", "403"),
        ["GET /api/v1/patients/{patientId}/export/fhir"] = new("401", "403", "403", "200", "404", "403"),
        ["GET /api/v1/patients/{patientId}/export/sessions.csv"] = new("401", "403", "403", "200", "404", "403"),
        ["GET /api/v1/patients/{patientId}/export/json"] = new("401", "403", "403", "200", "404", "403"), // issue 15
        ["GET /care/treatments"] = PatientOnly("200"),
        ["GET /clinician"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "200", "302 /access-denied"),
        ["GET /clinician/patients/{PatientId}"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["GET /clinician/patients/{PatientId}/program"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["GET /clinician/patients/{patientId}/export/check-ins.csv"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["GET /clinician/patients/{patientId}/export/fhir"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["GET /clinician/patients/{patientId}/export/sessions.csv"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["GET /clinician/patients/{patientId}/export/json"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        // Issue 15: the patient page's sections, each its own address (a form post without its token: 400).
        ["GET /clinician/patients/{PatientId}/overview"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["POST /clinician/patients/{PatientId}/overview"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["GET /clinician/patients/{PatientId}/assessment"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["POST /clinician/patients/{PatientId}/assessment"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["GET /clinician/patients/{PatientId}/sessions"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["POST /clinician/patients/{PatientId}/sessions"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["GET /clinician/patients/{PatientId}/check-ins"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["POST /clinician/patients/{PatientId}/check-ins"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["GET /clinician/patients/{PatientId}/treatments"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["POST /clinician/patients/{PatientId}/treatments"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["GET /clinician/patients/{PatientId}/exports"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "200", "404", "302 /access-denied"),
        ["POST /clinician/patients/{PatientId}/exports"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["POST /admin/audit"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "302 /access-denied", "302 /access-denied", "400"),
        ["POST /api/v1/patients/{patientId}/alerts/acknowledgements"] = new("401", "403", "403", "400", "400", "403"),
        ["POST /api/v1/patients/{patientId}/treatments"] = new("401", "403", "403", "400", "400", "403"),
        ["POST /care/treatments"] = PatientOnly("400"),
        ["POST /clinician"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["POST /clinician/alerts/acknowledge"] = new("401", "403", "403", "400", "400", "403"),
        ["POST /clinician/patients/{PatientId}"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["POST /clinician/patients/{PatientId}/program"] = new("302 /sign-in", "302 /access-denied", "302 /access-denied", "400", "400", "302 /access-denied"),
        ["PUT /api/v1/patients/{patientId}/program"] = new("401", "403", "403", "400", "400", "403"),

        // Care team, who looked, summary, delete account over the API (i6-api2): the patient's own care team needs the
        // patient role (staff 403, as /care); ending a link needs {"confirm": true}, so the matrix's {} is 400 and ends nothing;
        // the matrix's {clinicianId} is no clinician of the owner's. Redeeming a code and ending a link need a clinician.
        ["POST /api/v1/me/invites"] = PatientApi("201"),
        ["GET /api/v1/me/care-team"] = PatientApi("200"),
        ["DELETE /api/v1/me/care-team/{clinicianId}"] = PatientApi("400"),
        ["GET /api/v1/me/treatments"] = PatientApi("200"),
        ["GET /api/v1/me/audit"] = PatientApi("200"),
        ["GET /api/v1/me/summary"] = Api("200"),
        ["DELETE /api/v1/me"] = Api("400"),
        ["POST /api/v1/links"] = ClinicianApi("400"),

        // Accounts (issue 18): the sign-up, address and password-reset pages and API are anyone's (an empty body or form
        // is bad input); a new password, address, name and date of birth are the signed-in person's own.
        ["GET /forgot-password"] = All("200"), ["POST /forgot-password"] = All("400"),
        ["GET /reset-password"] = All("200"), ["POST /reset-password"] = All("400"),
        ["GET /verify-email"] = All("200"), ["POST /verify-email"] = All("400"),
        ["POST /api/v1/accounts"] = All("400"),
        ["POST /api/v1/accounts/verify"] = All("400"),
        ["POST /api/v1/accounts/password-reset"] = All("400"),
        ["POST /api/v1/accounts/password-reset/confirm"] = All("400"),
        ["POST /api/v1/me/password"] = Api("400"),
        ["POST /api/v1/me/email"] = Api("400"),
        ["PUT /api/v1/me/profile"] = Api("400"),
        ["POST /api/v1/patients/{patientId}/discharge"] = ClinicianApi("400"),
        ["DELETE /api/v1/patients/{patientId}/link"] = ClinicianApi("400"),

        // Sessions and the app sign-in (issue 18): one's own sessions; signing out everywhere needs {"confirm": true}, so
        // the matrix's {} is 400 and signs nobody out. The token sign-in is open to anyone; {} is bad input.
        ["GET /api/v1/me/sessions"] = Api("200"),
        ["DELETE /api/v1/me/sessions"] = Api("400"),
        ["POST /api/v1/auth/token"] = All("400"),
        // Issue 15: a clinician's library is theirs (clinicians only, each their own); a patient's own exercises page is a
        // linked clinician's; the player of a custom exercise finds only the caller's own (route value 0: nobody's).
        ["GET /api/v1/exercises"] = ClinicianApi("200"), ["POST /api/v1/exercises"] = ClinicianApi("400"),
        ["GET /clinician/exercises"] = ClinicianOnly("200"), ["POST /clinician/exercises"] = ClinicianOnly("400"),
        ["GET /clinician/patients/{PatientId}/exercises"] = new("302 /sign-in", Denied, Denied, "200", "404", Denied),
        ["POST /clinician/patients/{PatientId}/exercises"] = ClinicianOnly("400"),
        ["GET /today/custom/{CustomId:long}"] = new("302 /sign-in", "404", "404", "404", "404", "404"),
        ["POST /today/custom/{CustomId:long}"] = SignedIn("400"),

        // Notifications (issue 14, issue 15): one's own devices and choices. {} is not a subscription (400); without
        // ?endpoint a DELETE turns off every device of the caller, and nobody here has one (404); a PUT of {} changes
        // nothing and answers the choices (200). Only clinicians may turn on alerts (shown by PushReminderTests).
        ["GET /api/v1/me/push/public-key"] = Api("200"),
        ["POST /api/v1/me/push-subscriptions"] = Api("400"),
        ["DELETE /api/v1/me/push-subscriptions"] = Api("404"),
        ["GET /api/v1/me/notifications"] = Api("200"),
        ["PUT /api/v1/me/notifications"] = Api("200"),
    };

    private const string Denied = "302 /access-denied";

    private static MatrixRow AdminOnly(string answer) => new("302 /sign-in", Denied, Denied, Denied, Denied, answer);

    private static MatrixRow PatientOnly(string answer) => new("302 /sign-in", answer, answer, Denied, Denied, Denied);

    private static MatrixRow ClinicianOnly(string answer) => new("302 /sign-in", Denied, Denied, answer, answer, Denied);

    /// <summary>An API endpoint of the patient's own care: anonymous → 401, patients → <paramref name="answer"/>, staff → 403.</summary>
    private static MatrixRow PatientApi(string answer) => new("401", answer, answer, "403", "403", "403");

    /// <summary>A clinician API endpoint: anonymous → 401, clinicians → <paramref name="answer"/>, everyone else → 403.</summary>
    private static MatrixRow ClinicianApi(string answer) => new("401", "403", "403", answer, answer, "403");

    private static MatrixRow All(string answer) => new(answer, answer, answer, answer, answer, answer);

    /// <summary>A page behind [Authorize]: anonymous → the sign-in page, everyone signed in → <paramref name="answer"/>.</summary>
    private static MatrixRow SignedIn(string answer) => new("302 /sign-in", answer, answer, answer, answer, answer);

    /// <summary>An API endpoint of one's own account: anonymous → 401 problem, everyone signed in → <paramref name="answer"/>.</summary>
    private static MatrixRow Api(string answer) => new("401", answer, answer, answer, answer, answer);

    /// <summary>An API endpoint of one's own program: patients → <paramref name="answer"/>; staff have no program → 409.</summary>
    private static MatrixRow Patients(string answer) => new("401", answer, answer, "409", "409", "409");
}
