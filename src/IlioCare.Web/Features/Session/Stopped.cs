using IlioCare.Clinical.Catalogue;
using IlioCare.Web.Features.Library;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Session;

/// <summary>
/// What a patient reads after "pain went up" (F7): only the exercises with levels step down (SPEC §6 stop).
/// Not static, so that it can name its own resource file (Resources/Features/Session/Stopped.es.resx).
/// </summary>
internal sealed class Stopped
{
    private Stopped() { }

    public static string Message(IStringLocalizer<Stopped> L, Exercise exercise, ExerciseWords words) => exercise.Kind switch
    {
        ExerciseKind.Strength or ExerciseKind.Stretch => L["{0} stopped. Tomorrow this exercise will be a little easier.", words[exercise.Name]],
        ExerciseKind.Massage or ExerciseKind.WarmUp => L["{0} stopped. Leave it for today. If the pain keeps going up, rest and check with your doctor or physio.", words[exercise.Name]],
    };
}
