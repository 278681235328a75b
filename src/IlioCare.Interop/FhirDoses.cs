using System.Globalization;
using Hl7.Fhir.Model;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;

namespace IlioCare.Interop;

/// <summary>
/// A program exercise as a CarePlan activity: the exercise as an IlioCare code, the dose in words
/// (detail.description) and in numbers (detail.quantity = repetitions or holds per set; the sets, the
/// resistance and the hold seconds as IlioCare extensions, since CarePlan has no field for them).
/// </summary>
internal static class FhirDoses
{
    public static CarePlan.ActivityComponent Activity(Exercise exercise, DoseRecord? dose)
    {
        var detail = new CarePlan.DetailComponent
        {
            Code = new CodeableConcept(FhirSystems.Exercise, WireName.Of(exercise.Id), exercise.Name, exercise.Name),
            Status = CarePlan.CarePlanActivityStatus.InProgress,
            Description = dose is null ? exercise.DoseText : Describe(dose),
        };
        if (dose is { Sets: { } sets, Reps: { } reps, Resistance: { } resistance })
        {
            detail.Quantity = new Quantity(reps, "{repetition}", FhirSystems.Ucum) { Unit = "repetitions per set" };
            detail.Extension.Add(new Extension(FhirSystems.DoseExtension + "sets", new Integer(sets)));
            detail.Extension.Add(new Extension(FhirSystems.DoseExtension + "resistance", new Code(WireName.Of(resistance))));
        }
        else if (dose is { Count: { } count, HoldSeconds: { } hold })
        {
            detail.Quantity = new Quantity(count, "{repetition}", FhirSystems.Ucum) { Unit = "repetitions" };
            detail.Extension.Add(new Extension(FhirSystems.DoseExtension + "hold-seconds", new Quantity(hold, "s", FhirSystems.Ucum) { Unit = "s" }));
        }
        var activity = new CarePlan.ActivityComponent { Detail = detail };
        if (dose?.Note is { Length: > 0 } note) activity.Progress.Add(new Annotation { Text = new Markdown(note) });
        return activity;
    }

    public static string Describe(DoseRecord d) => d switch
    {
        { Sets: { } sets, Reps: { } reps, Resistance: { } resistance } =>
            string.Create(CultureInfo.InvariantCulture, $"{sets} sets × {reps} repetitions, resistance {WireName.Of(resistance)}"),
        { Count: { } count, HoldSeconds: { } hold } =>
            string.Create(CultureInfo.InvariantCulture, $"{count} repetitions, hold {hold} s"),
        _ => "As in the exercise library",
    };

    public static string Label(TreatmentKind kind) => kind switch
    {
        TreatmentKind.SoftTissueMassage => "Soft-tissue massage",
        TreatmentKind.JointMobilisation => "Joint mobilisation",
        TreatmentKind.DryNeedling => "Dry needling",
        TreatmentKind.TherapeuticUltrasound => "Therapeutic ultrasound",
        TreatmentKind.BiomechanicalEvaluation => "Biomechanical evaluation",
    };
}
