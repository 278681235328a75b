using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace IlioCare.Interop;

/// <summary>
/// A patient as one HL7 FHIR R4 Bundle of type collection (F14), built with the Firely SDK: Patient,
/// Observations per check-in (pain now and morning pain as LOINC 72514-3, stiffness minutes, sport minutes),
/// a QuestionnaireResponse per assessment, the CarePlan in force (phase, exercises and doses) and a Procedure
/// per recorded treatment and per exercise done (its real count: completed, or stopped and why). Shared by the web app (the patient's and the linked clinician's download) and
/// <c>iliocare export --format fhir</c>. Every resource has a stable id and a urn:uuid fullUrl.
/// </summary>
public static class FhirExport
{
    /// <summary>The Bundle of <paramref name="accountId"/>, or null when there is no such account.</summary>
    public static async Task<Bundle?> BuildAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => new { u.DisplayName, u.DateOfBirth }).FirstOrDefaultAsync(ct);
        if (person is null) return null;
        var profile = await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Date).ToListAsync(ct);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.AccountId == accountId).ToListAsync(ct);
        var state = await db.ProgramStates.AsNoTracking().Where(s => s.AccountId == accountId)
            .OrderByDescending(s => s.EffectiveOn).FirstOrDefaultAsync(ct);
        var doses = await db.Doses.AsNoTracking().Where(d => d.AccountId == accountId).OrderBy(d => d.EffectiveFrom).ToListAsync(ct);
        var logs = await db.ExerciseLogs.AsNoTracking().Where(l => l.AccountId == accountId).OrderBy(l => l.Date).ThenBy(l => l.Id).ToListAsync(ct);
        var treatments = await db.Treatments.AsNoTracking().Where(t => t.PatientId == accountId).OrderBy(t => t.Date).ToListAsync(ct);

        var resources = new FhirResources(accountId);
        var bundle = new Bundle
        {
            Id = FhirSystems.StableId(accountId, "Bundle", clock.GetUtcNow().ToString("O")),
            Type = Bundle.BundleType.Collection,
            Timestamp = clock.GetUtcNow(),
        };
        var latest = assessments.OrderBy(a => a.TakenAtUtc).LastOrDefault();
        var sex = latest is null ? null : Clinical.Assessment.AssessmentContract.Read(latest.InputJson).Value?.Sex;
        Add(bundle, resources.Patient(person.DisplayName, person.DateOfBirth, sex));
        foreach (var checkIn in checkIns)
            foreach (var observation in resources.Observations(checkIn)) Add(bundle, observation);
        foreach (var assessment in assessments.OrderBy(a => a.TakenAtUtc)) Add(bundle, resources.QuestionnaireResponse(assessment));
        if (state is not null)
        {
            // The dose in force now: the latest record of each exercise.
            var current = doses.GroupBy(d => d.Exercise).ToDictionary(g => g.Key, g => g.Last());
            var custom = await db.CustomExercises.AsNoTracking().Where(e => e.PatientId == accountId && e.Active).OrderBy(e => e.Id).ToListAsync(ct);
            Add(bundle, resources.CarePlan(state, current, profile, custom));
        }
        foreach (var treatment in treatments) Add(bundle, resources.Procedure(treatment));
        foreach (var log in logs) Add(bundle, resources.ExerciseSession(log));
        return bundle;
    }

    /// <summary>The Bundle as FHIR JSON (pretty), or null when there is no such account.</summary>
    public static async Task<string?> JsonAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct) =>
        await BuildAsync(db, accountId, clock, ct) is { } bundle ? Serialize(bundle) : null;

    public static string Serialize(Resource resource) => new FhirJsonSerializer().SerializeToString(resource, pretty: true);

    private static void Add(Bundle bundle, Resource resource) =>
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + resource.Id, Resource = resource });
}
