using System.Globalization;
using Hl7.Fhir.Model;
using IlioCare.Clinical.Custom;
using IlioCare.Data;

namespace IlioCare.Interop;

/// <summary>
/// A clinician's own exercise (issue 15) as a CarePlan activity: no code of ours, so the concept is text only; the whole
/// exercise in words in detail.description (name, dose, sides, days, steps, safety note), the dose in numbers like a
/// catalogue exercise (quantity, and the sets or hold seconds as IlioCare extensions), and its days as a Timing.
/// </summary>
internal static class FhirCustomActivity
{
    public static CarePlan.ActivityComponent Activity(CustomExerciseRecord exercise)
    {
        var d = exercise.Definition;
        var sides = d.SidesText is { Length: > 0 } s ? " " + s : "";
        var detail = new CarePlan.DetailComponent
        {
            Kind = CarePlan.CarePlanActivityKind.Task,
            Code = new CodeableConcept { Text = d.Name },
            Status = CarePlan.CarePlanActivityStatus.InProgress,
            Description = $"{d.Name}: {d.Dose.Text}{sides}. {d.FrequencyText}. Steps: {string.Join(" ", d.StepList)} Safety: {d.SafetyNote}",
        };
        switch (d.Dose)
        {
            case { Type: CustomDoseType.Repetitions, Sets: { } sets, Reps: { } reps }:
                detail.Quantity = new Quantity(reps, "{repetition}", FhirSystems.Ucum) { Unit = "repetitions per set" };
                detail.Extension.Add(new Extension(FhirSystems.DoseExtension + "sets", new Integer(sets)));
                break;
            case { Type: CustomDoseType.Holds, Holds: { } holds, Seconds: { } seconds }:
                detail.Quantity = new Quantity(holds, "{repetition}", FhirSystems.Ucum) { Unit = "repetitions" };
                detail.Extension.Add(new Extension(FhirSystems.DoseExtension + "hold-seconds", new Quantity(seconds, "s", FhirSystems.Ucum) { Unit = "s" }));
                break;
            case { Type: CustomDoseType.Minutes, Minutes: { } minutes }:
                detail.Quantity = new Quantity(minutes, "min", FhirSystems.Ucum) { Unit = "min" };
                break;
        }
        if (!d.Daily)
        {
            detail.Scheduled = new Timing
            {
                Repeat = new Timing.RepeatComponent
                {
                    Frequency = 1, Period = 1, PeriodUnit = Timing.UnitsOfTime.D,
                    DayOfWeek = d.Weekdays.OrderBy(w => ((int)w + 6) % 7).Select(Day).Cast<DaysOfWeek?>().ToList(),
                },
            };
        }
        return new CarePlan.ActivityComponent { Detail = detail };
    }

    private static DaysOfWeek Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => DaysOfWeek.Mon,
        DayOfWeek.Tuesday => DaysOfWeek.Tue,
        DayOfWeek.Wednesday => DaysOfWeek.Wed,
        DayOfWeek.Thursday => DaysOfWeek.Thu,
        DayOfWeek.Friday => DaysOfWeek.Fri,
        DayOfWeek.Saturday => DaysOfWeek.Sat,
        _ => DaysOfWeek.Sun,
    };
}
