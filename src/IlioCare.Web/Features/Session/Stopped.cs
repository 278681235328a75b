using IlioCare.Clinical.Catalogue;

namespace IlioCare.Web.Features.Session;

/// <summary>What a patient reads after "pain went up" (F7): only the laddered exercises step down (SPEC §6 stop).</summary>
internal static class Stopped
{
    public static string Message(Exercise exercise) => exercise.Kind switch
    {
        ExerciseKind.Strength or ExerciseKind.Stretch => $"{exercise.Name} stopped: we will step this exercise down tomorrow.",
        ExerciseKind.Massage or ExerciseKind.WarmUp => $"{exercise.Name} stopped: leave it for today. If the pain keeps going up, rest and check with your doctor or physio.",
    };
}
