using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Web.Features.Today;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Library;

/// <summary>
/// The words the library pages put round the catalogue's own text (F6), in the reader's language (issue 16):
/// Resources/Features/Library/LibraryText.es.resx. Doses are written by <see cref="DoseWords"/> (docs/words.md: "2 sets
/// of 15, no band"), from the ladders themselves, so the words cannot drift from the doses the program gives.
/// </summary>
// Not static: IStringLocalizer<LibraryText> names its resource file, and a static type cannot be a type argument.
internal sealed class LibraryText
{
    private LibraryText() { }

    /// <summary>The groups of the library, in the order a patient meets them in a session's explanation.</summary>
    public static IReadOnlyList<ExerciseKind> Kinds { get; } =
        [ExerciseKind.Stretch, ExerciseKind.Strength, ExerciseKind.Massage, ExerciseKind.WarmUp];

    public static string KindIntro(IStringLocalizer<LibraryText> L, ExerciseKind kind) => kind switch
    {
        ExerciseKind.Stretch => L["Gentle, slow and pain-free. After calm sessions you do a little more."],
        ExerciseKind.Strength => L["Once a day, from the restore phase on. First more repetitions, then more sets, then a band."],
        ExerciseKind.Massage => L["Gentle finger strokes on the sore spots, in the settle phase. Left out if the massage safety check says so."],
        ExerciseKind.WarmUp => L["Before any sport session."],
    };

    /// <summary>
    /// Where the dose starts and how far it can go, in plain words; each dose in <see cref="DoseWords"/>' words, so the
    /// library says a dose as Today and the player do.
    /// </summary>
    public static string Dose(IStringLocalizer<LibraryText> L, DoseWords doses, Exercise exercise) => exercise.Kind switch
    {
        ExerciseKind.Stretch when exercise.HoldSeconds is not null => L[
            "{0} at first, then {1} seconds, then {2} seconds.",
            doses.Of(StretchLadder.Floor(exercise.Id)), StretchLadder.Steps(exercise.Id)[1].HoldSeconds, StretchLadder.Top(exercise.Id).HoldSeconds],
        ExerciseKind.Stretch => L[
            "{0} at first, then {1}, then {2}. Slowly.",
            doses.Of(StretchLadder.Floor(exercise.Id)), StretchLadder.Steps(exercise.Id)[1].Count, StretchLadder.Top(exercise.Id).Count],
        ExerciseKind.Strength => L[
            "{0}, once a day with each leg at first. It can grow to {1}, then the same again with a light, a medium and a heavy band.",
            doses.Of(Ladder.Floor), doses.Sets(Ladder.Top.Sets, Ladder.Top.Reps)],
        ExerciseKind.Massage => L["{0}.", doses.Of(exercise, null)],
        ExerciseKind.WarmUp => L["{0}, right before every sport session.", doses.Minutes(ExerciseCatalogue.WarmUpMinutes)],
    };

    public static string Side(IStringLocalizer<LibraryText> L, Exercise exercise) => exercise.PerSide
        ? L["Each side: first one leg, then the other."]
        : exercise.Kind == ExerciseKind.Massage ? L["The sore side."] : L["Both sides at once."];

    public static string? Hold(IStringLocalizer<LibraryText> L, Exercise exercise) => exercise.HoldSeconds switch
    {
        null => null,
        var s when exercise.Kind == ExerciseKind.Stretch && StretchLadder.Top(exercise.Id).HoldSeconds > s =>
            L["{0} seconds at first, then up to {1} seconds.", s, StretchLadder.Top(exercise.Id).HoldSeconds].Value,
        var s => L["{0} seconds.", s].Value,
    };

    /// <summary>The phases that use it, each named and explained (docs/words.md: phase words explained).</summary>
    public static IEnumerable<string> Phases(IStringLocalizer<LibraryText> L, Exercise exercise) =>
        exercise.Phases.Select(p => PhaseExplained(L, p));

    public static string PhaseExplained(IStringLocalizer<LibraryText> L, Phase phase) => phase switch
    {
        Phase.Settle => L["Settle: let the hip calm down with gentle stretches and self-massage."],
        Phase.Restore => L["Restore: build strength back, step by step."],
        Phase.Return => L["Return: go back to your sport, a little more each week."],
        Phase.Prevent => L["Prevent: keep the pain from coming back."],
    };

    /// <summary>Where the facts come from, for a patient: the article's section, never a spec reference.</summary>
    public static string BasedOn(IStringLocalizer<LibraryText> L, ExerciseKind kind) => kind switch
    {
        ExerciseKind.Stretch => L["Based on: the article on iliopsoas pain we build on, its part on stretches."],
        ExerciseKind.Strength => L["Based on: the article on iliopsoas pain we build on, its part on strengthening."],
        ExerciseKind.Massage => L["Based on: the article on iliopsoas pain we build on, its part on self-massage."],
        ExerciseKind.WarmUp => L["Based on: the article on iliopsoas pain we build on, its part on physical therapy (warming up before sport)."],
    };

    public static string Url(ExerciseId id) => $"/library/{WireName.Of(id)}";
}
