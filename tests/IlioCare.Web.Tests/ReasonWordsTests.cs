using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Web.Features.Words;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 16: the program's stored English reasons (IlioCare.Clinical's sentences, kept in the database) read in
/// Spanish on a Spanish page, with no English left; English readers and unknown sentences get the text unchanged.
/// </summary>
public sealed class ReasonWordsTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private static readonly string Strength = new Dose(2, 15, Resistance.None).ToString();     // "2×15, no resistance"
    private static readonly string Heavier = new Dose(3, 20, Resistance.Light).ToString();
    private static readonly string Held = new StretchDose(3, 20).ToString();                    // "3 holds of 20 seconds"
    private static readonly string Sided = new StretchDose(10, 0).ToString();                   // "10 on each side"
    private const string Day = "Thu 3 Dec 2026";
    private static readonly string TwoStrengthening =
        string.Join(", ", ExerciseCatalogue.Strengthening.Take(2).Select(id => ExerciseCatalogue.Get(id).Name));
    private const string Flare = "pain now is 8, which is 7 or more";

    /// <summary>One real sentence per shape the engine writes (doses and sport texts from the engine itself).</summary>
    public static TheoryData<string> Sentences() =>
    [
        $"Up to {Heavier}: the last 3 sessions at {Strength} were completed within a week with no pain rise during them and pain settled by each next morning.",
        $"Staying at {Sided}, the lowest step: the exercise was stopped for pain on {Day}.",
        $"Down to {Strength}: pain rose during the exercise on {Day} (2/10 before, 5/10 during).",
        $"Down to {Held}: pain during the exercise on {Day} reached 6/10, above the 5/10 the pain-monitoring rule accepts.",
        $"Down to {Strength}: pain had not settled by the next morning (4/10 on {Day}, 6/10 the morning after).",
        $"Held at {Strength}: the step down after your session on 3 Dec has already been made. The dose moves again after your next session.",
        $"Held at {Held}: not on a day of a flare, even after calm sessions.",
        $"Held at {Sided}: not on a day of a warning sign, even after calm sessions.",
        $"Held at {Strength}: 2 of the 3 sessions in a row needed at this dose so far.",
        $"Held at {Strength}: the session on {Day} was not completed.",
        $"Held at {Strength}: pain rose after the session on {Day}; the dose moves up only after three calm sessions.",
        $"Held at {Strength}: waiting for the morning pain after {Day}.",
        $"Held at {Strength}: the last 3 sessions spread over more than a week (Mon 23 Nov 2026 to {Day}).",
        $"Held at {Sided}: no session has been recorded at this dose yet.",
        "Your program starts in settle.",
        "Sport rose 11,1% on the week before; more than 10% a week is how overuse pain starts.",
        "No check-in today yet: the program moves only after the day's check-in.",
        "Paused for a holiday or illness: today does not count, and the days in a row start again after the pause. Staying in restore.",
        "Staying in prevent, the last phase: keep warming up before sport, stretching 3 times a week and strengthening twice a week.",
        "The program is not paused. Staying in return.",
        "Still paused: take a new assessment first; it must show no warning signs.",
        "Still paused: confirm that a doctor has checked the warning sign you reported.",
        "Program restarted in settle: your new assessment shows no warning signs and a doctor has checked them. The count of calm days starts tomorrow.",
        "Your new self-assessment does not change your program. Staying in settle.",
        "Program paused: your new self-assessment found a warning sign. Follow its advice and see a doctor. The program restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them.",
        "Program paused: you reported a warning sign. Follow the advice on screen and see a doctor. The program restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them.",
        "The program is paused because of a warning sign. It restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them.",
        $"Staying in settle because of a flare: {Flare}. The 7 calm days start again tomorrow.",
        "Back to restore because of a flare: pain now is 5, 2 or more above your average of 2.7 over the last 3 check-ins.",
        "Back to settle because of a flare: this is a second exercise stopped for pain within 7 days.",
        "Moved to restore: 7 days in a row with pain now at 3 or less and morning stiffness of 30 minutes or less.",
        "Staying in settle: 3 of 7 days in a row so far with pain now at 3 or less and morning stiffness of 30 minutes or less.",
        "Staying in restore: the 10-hop test hurt, so the 14 days start again tomorrow. Ask a physiotherapist to check your hip before you try the hop test again.",
        "Staying in restore: 14 of 14 days in a row so far with pain now at 2 or less. Still to reach light resistance: " + TwoStrengthening + ".",
        "Staying in restore: 5 of 14 days in a row so far with pain now at 2 or less.",
        "Moved to return: 14 days in a row with pain now at 2 or less and every strengthening exercise at light resistance or more, and 10 hops on the sore leg without pain.",
        "Almost ready for return: 14 days in a row with pain now at 2 or less and every strengthening exercise at light resistance or more. In your next check-in, hop 10 times on the sore leg and say whether it hurt.",
        "Moved to prevent: the week of 2026-11-23 reached your pre-injury level of 180 minutes of sport without a flare.",
        "Staying in return: no completed week has reached your pre-injury level of 180 minutes of sport without a flare yet.",
        "Your program starts in settle, as your assessment suggested.",
        SportAllowance.PausedForWarningSign.Text,
        SportAllowance.For(Phase.Settle, null, 0).Text,
        SportAllowance.For(Phase.Restore, null, 0).Text,
        // A flare's held cap shows in restore; in return the flare cap is not used, so (Return, 60, 90) was the same
        // sentence as the row below and xUnit skipped it as a duplicate.
        SportAllowance.For(Phase.Restore, 60, 90).Text,
        SportAllowance.For(Phase.Return, null, 90).Text,
        "Last week's 120 minutes went past its cap of 100; the extra minutes do not raise next week's cap.",
        "Sport rose 25% on the week before; more than 10% a week is how overuse pain starts.",
        "Last week was 1.6 times your 4-week average; a jump above 1.5 is linked with more injuries.",
        "No exercises while the program is paused for a warning sign: see a doctor first.",
        "No exercises today: you paused the program for a holiday or illness.",
        "You plan sport today: warming the muscles first lowers the chance of a muscle or tendon injury.",
        SessionPlanner.StartingDoseReason,
        SessionPlanner.CurrentDoseReason,
        "Settle: rest from your sport, gentle stretches and self-massage; no strengthening until the hip has calmed down.",
        "Restore: all five stretches and the three strengthening exercises, once today.",
        "Return: the restore exercises, and a warm-up before every sport session; keep sport under your weekly cap.",
        "Prevent: stretches on Monday, Wednesday and Friday, strengthening on Tuesday and Friday, and a warm-up before sport.",
    ];

    /// <summary>English words that must not be left in a Spanish reason (whole words, any case).</summary>
    private static readonly Regex English = new(
        @"\b(the|and|of|to|at|on|in|with|pain|sport|days?|weeks?|held|staying|moved|back|settle|restore|return|prevent|resistance|holds?|seconds|each|side|minutes|flare|warning|sign|program|paused|dose|session|sessions|not|your|cap|Dec|Nov|Thu|Mon)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private ReasonWords Words => factory.Services.GetRequiredService<ReasonWords>();

    [Theory]
    [MemberData(nameof(Sentences))]
    public void EveryReason_ReadsFullyInSpanish(string english)
    {
        var spanish = In("es", () => Words.Of(english));
        Assert.NotEqual(english, spanish);
        var left = English.Matches(spanish).Select(m => m.Value).ToArray();
        Assert.True(left.Length == 0, $"English left in \"{spanish}\": {string.Join(", ", left)}");
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void EveryReason_IsUnchangedForAnEnglishReader(string english) =>
        Assert.Equal(english, In("en", () => Words.Of(english)));

    [Fact]
    public void PartsAreTranslated_NumbersWithTheReadersDecimalComma()
    {
        var spanish = In("es", () => Words.Of($"Down to {Strength}: pain had not settled by the next morning (4/10 on {Day}, 6/10 the morning after)."));
        Assert.Equal("Baja a 2 series de 15, sin banda: el dolor no se había calmado a la mañana siguiente (4/10 el 3 de diciembre de 2026, 6/10 la mañana después).", spanish);
        Assert.Contains("1,6 veces", In("es", () => Words.Of("Last week was 1.6 times your 4-week average; a jump above 1.5 is linked with more injuries.")), StringComparison.Ordinal);
        Assert.Equal("Vuelves a la fase calmar por un brote: el dolor ahora es 8, que es 7 o más.",
            In("es", () => Words.Of($"Back to settle because of a flare: {Flare}.")));
    }

    /// <summary>A clinician's change: the frame is ours and translated, their name and note are their own words, kept.</summary>
    [Fact]
    public void AClinicianChange_KeepsTheirNameAndNote()
    {
        Assert.Equal("Fijado por Dr Lee: keep the dose low this week.", In("es", () => Words.Of("Set by Dr Lee: keep the dose low this week.")));
        Assert.Equal("Fijado por Dr Lee", In("es", () => Words.Of("Set by Dr Lee")));
        Assert.Equal("Set by Dr Lee", In("en", () => Words.Of("Set by Dr Lee")));
    }

    [Theory]
    [InlineData("Held by Dr Lee: keep the dose low this week.")]
    [InlineData("Back to somewhere because of a flare: pain now is 8, which is 7 or more.")]
    [InlineData("Held at 2×15, no resistance: something the engine never wrote.")]
    [InlineData("")]
    public void AnUnknownSentence_ComesBackUnchanged(string text) => Assert.Equal(text, In("es", () => Words.Of(text)));

    [Fact]
    public void EveryShape_HasSpanishWords()
    {
        var resources = new ResourceManager("IlioCare.Web.Resources.Features.Words.ReasonWords", typeof(ReasonWords).Assembly);
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo("es"), createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        Assert.All(ReasonWords.Templates, t => Assert.False(string.IsNullOrWhiteSpace(set!.GetString(t)), $"no Spanish for \"{t}\""));
    }

    private static string In(string culture, Func<string> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
