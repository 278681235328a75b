namespace IlioCare.Data;

/// <summary>
/// The three roles of SPEC F15. Every account that signs up is a patient; an admin (or the operator's
/// `iliocare create-clinician`) makes clinicians; only the operator makes admins.
/// </summary>
public static class Roles
{
    public const string Patient = "patient";
    public const string Clinician = "clinician";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Patient, Clinician, Admin];
}
