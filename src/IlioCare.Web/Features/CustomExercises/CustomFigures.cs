using IlioCare.Web.Features.Today;
using Microsoft.Extensions.FileProviders;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>A custom exercise's drawings: those of the catalogue exercise the clinician picked (issue 15), or none.</summary>
internal static class CustomFigures
{
    public static IReadOnlyList<ExerciseFigure> Of(IlioCare.Clinical.Custom.CustomExerciseDefinition exercise, IFileProvider webRoot) =>
        exercise.Illustration is { } id ? ExerciseFigures.Of(id, webRoot) : [];
}
