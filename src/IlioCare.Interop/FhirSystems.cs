using System.Security.Cryptography;
using System.Text;

namespace IlioCare.Interop;

/// <summary>
/// The URIs IlioCare's FHIR export names its own identifiers and codes with (F14). Standard codes are used
/// where one exists (LOINC 72514-3 for the 0–10 pain score, UCUM for minutes); the rest are IlioCare code
/// systems whose codes are the wire names of SPEC §3–§7 ("settle", "dry-needling", "running").
/// </summary>
public static class FhirSystems
{
    public const string Base = "https://iliocare.example/fhir";
    public const string AccountId = Base + "/sid/account";
    public const string Observation = Base + "/CodeSystem/observation";
    public const string Activity = Base + "/CodeSystem/activity";
    public const string Phase = Base + "/CodeSystem/phase";
    public const string Exercise = Base + "/CodeSystem/exercise";
    public const string TreatmentKind = Base + "/CodeSystem/treatment-kind";
    public const string AssessmentQuestionnaire = Base + "/Questionnaire/assessment";
    public const string DoseExtension = Base + "/StructureDefinition/dose-";

    public const string Loinc = "http://loinc.org";
    public const string PainSeverityLoinc = "72514-3";
    public const string PainSeverityDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>
    /// A stable id for a resource: the same stored row gives the same id in every export (a receiver can
    /// recognise an update), and no id says anything about the database (a name-based UUID, RFC 9562 v8 layout).
    /// </summary>
    public static string StableId(string accountId, string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"iliocare|{accountId}|{kind}|{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
