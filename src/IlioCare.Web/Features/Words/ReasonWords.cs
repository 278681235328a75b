using System.Globalization;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;
using IlioCare.Web.Features.Library;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Today;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Words;

/// <summary>
/// The program's stored reasons in the reader's language (issue 16). IlioCare.Clinical writes its reasons as English
/// sentences and the database keeps them so (old rows too), so a page cannot look them up by a code. Instead each
/// sentence shape the engine writes is listed here (the English template is the resource key); a stored reason is
/// matched against the shapes, its parts (a nested reason, a dose, a phase, a date, a number) are put into the reader's
/// words, and the Spanish template is filled. A sentence no shape matches is shown as written: at worst English,
/// never a wrong meaning. For an English reader the text is returned unchanged.
/// </summary>
public sealed class ReasonWords(IStringLocalizer<ReasonWords> L, DoseWords doses, ProgramText program,
    ExerciseWords exercises, PatientDates dates)
{
    /// <summary>What a placeholder of a template holds, and so how it is matched and put into words.</summary>
    /// <summary>What a placeholder of a template holds; Typed is a person's own words (a name, a note), kept as written.</summary>
    private enum Part { Reason, Number, Phase, Dose, ShortDay, LongDay, IsoDay, Exercises, Typed }

    private sealed record Shape(string English, Regex Pattern, Part[] Parts);

    // The sentences of IlioCare.Clinical (Progressor, MorningReview, PhaseMoves, Flare, SportAllowance, SessionPlanner,
    // LoadGuard), most specific first: the first shape that matches wins. Keep in step with those files;
    // ReasonWordsTests runs the engine's templates through here and fails on any English left.
    private static readonly Shape[] Shapes =
    [
        // Progressor (strengthening and stretch doses).
        S("Up to {0}: the last 3 sessions at {1} were completed within a week with no pain rise during them and pain settled by each next morning.", Part.Dose, Part.Dose),
        S("Staying at {0}, the lowest step: {1}.", Part.Dose, Part.Reason),
        S("Down to {0}: {1}.", Part.Dose, Part.Reason),
        S("Held at {0}: the step down after your session on {1} has already been made. The dose moves again after your next session.", Part.Dose, Part.ShortDay),
        S("Held at {0}: not on a day of a flare, even after calm sessions.", Part.Dose),
        S("Held at {0}: not on a day of a warning sign, even after calm sessions.", Part.Dose),
        S("Held at {0}: {1}.", Part.Dose, Part.Reason),
        S("no session has been recorded at this dose yet"),
        S("{0} of the 3 sessions in a row needed at this dose so far", Part.Number),
        S("the session on {0} was not completed", Part.LongDay),
        S("pain rose after the session on {0}; the dose moves up only after three calm sessions", Part.LongDay),
        S("waiting for the morning pain after {0}", Part.LongDay),
        S("the last 3 sessions spread over more than a week ({0} to {1})", Part.LongDay, Part.LongDay),
        S("the exercise was stopped for pain on {0}", Part.LongDay),
        S("pain rose during the exercise on {0} ({1}/10 before, {2}/10 during)", Part.LongDay, Part.Number, Part.Number),
        S("pain during the exercise on {0} reached {1}/10, above the 5/10 the pain-monitoring rule accepts", Part.LongDay, Part.Number),
        S("pain had not settled by the next morning ({0}/10 on {1}, {2}/10 the morning after)", Part.Number, Part.LongDay, Part.Number),
        // Flare.
        S("pain now is {0}, which is {1} or more", Part.Number, Part.Number),
        S("pain now is {0}, {1} or more above your average of {2} over the last {3} check-ins", Part.Number, Part.Number, Part.Number, Part.Number),
        S("this is a second exercise stopped for pain within {0} days", Part.Number),
        // PhaseMoves.
        S("No check-in today yet: the program moves only after the day's check-in."),
        S("Paused for a holiday or illness: today does not count, and the days in a row start again after the pause. {0}", Part.Reason),
        S("Staying in prevent, the last phase: keep warming up before sport, stretching 3 times a week and strengthening twice a week."),
        S("The program is not paused. {0}", Part.Reason),
        S("Still paused: take a new assessment first; it must show no warning signs."),
        S("Still paused: confirm that a doctor has checked the warning sign you reported."),
        S("Program restarted in settle: your new assessment shows no warning signs and a doctor has checked them. The count of calm days starts tomorrow."),
        S("Your new self-assessment does not change your program. {0}", Part.Reason),
        S("Program paused: your new self-assessment found a warning sign. Follow its advice and see a doctor. The program restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them."),
        S("Program paused: you reported a warning sign. Follow the advice on screen and see a doctor. The program restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them."),
        S("The program is paused because of a warning sign. It restarts in settle after a new assessment without warning signs, once you confirm a doctor has checked them."),
        S("Staying in settle because of a flare: {0}. The {1} calm days start again tomorrow.", Part.Reason, Part.Number),
        S("Back to {0} because of a flare: {1}.", Part.Phase, Part.Reason),
        S("Moved to restore: {0} days in a row with pain now at 3 or less and morning stiffness of 30 minutes or less.", Part.Number),
        S("Staying in settle: {0} of {1} days in a row so far with pain now at 3 or less and morning stiffness of 30 minutes or less.", Part.Number, Part.Number),
        S("Staying in restore: the 10-hop test hurt, so the {0} days start again tomorrow. Ask a physiotherapist to check your hip before you try the hop test again.", Part.Number),
        S("Staying in restore: {0} of {1} days in a row so far with pain now at 2 or less. Still to reach light resistance: {2}.", Part.Number, Part.Number, Part.Exercises),
        S("Staying in restore: {0} of {1} days in a row so far with pain now at 2 or less.", Part.Number, Part.Number),
        S("Moved to return: {0} days in a row with pain now at 2 or less and every strengthening exercise at light resistance or more, and 10 hops on the sore leg without pain.", Part.Number),
        S("Almost ready for return: {0} days in a row with pain now at 2 or less and every strengthening exercise at light resistance or more. In your next check-in, hop 10 times on the sore leg and say whether it hurt.", Part.Number),
        S("Moved to prevent: the week of {0} reached your pre-injury level of {1} minutes of sport without a flare.", Part.IsoDay, Part.Number),
        S("Staying in return: no completed week has reached your pre-injury level of {0} minutes of sport without a flare yet.", Part.Number),
        S("Staying in {0}.", Part.Phase),
        // ProgramEditHandler (IlioCare.Web): a clinician's change, with their name and their own note (kept as they wrote it).
        S("Set by {0}: {1}", Part.Typed, Part.Typed),
        S("Set by {0}", Part.Typed),
        // OnboardingHandler and DemoReplay (IlioCare.Web): the first stored state.
        S("Your program starts in {0}, as your assessment suggested.", Part.Phase),
        S("Your program starts in {0}.", Part.Phase),
        // SportAllowance and LoadGuard.
        S("No sport: your program is paused because of a warning sign. See a doctor first."),
        S("Sport cap 0: rest from the sport that hurts while the pain settles."),
        S("Sport held at {0} minutes a week after your flare, with no increases until you are back in return.", Part.Number),
        S("No sport yet: the exercises come first; graded sport starts in the return phase."),
        S("This week's sport cap: {0} minutes. It grows by at most 10 % a week: building up faster than that is how overuse pain starts.", Part.Number),
        S("Last week's {0} minutes went past its cap of {1}; the extra minutes do not raise next week's cap.", Part.Number, Part.Number),
        S("Sport rose {0}% on the week before; more than 10% a week is how overuse pain starts.", Part.Number),
        S("Last week was {0} times your 4-week average; a jump above 1.5 is linked with more injuries.", Part.Number),
        // SessionPlanner.
        S("No exercises while the program is paused for a warning sign: see a doctor first."),
        S("No exercises today: you paused the program for a holiday or illness."),
        S("You plan sport today: warming the muscles first lowers the chance of a muscle or tendon injury."),
        S("Starting dose: the easiest level."),
        S("Your current level. It goes up after 3 good sessions within 7 days, and down if your pain goes up."),
        S("Settle: rest from your sport, gentle stretches and self-massage; no strengthening until the hip has calmed down."),
        S("Restore: all five stretches and the three strengthening exercises, once today."),
        S("Return: the restore exercises, and a warm-up before every sport session; keep sport under your weekly cap."),
        S("Prevent: stretches on Monday, Wednesday and Friday, strengthening on Tuesday and Friday, and a warm-up before sport."),
    ];

    /// <summary>Every English template known here (the tests fill each with sample values).</summary>
    internal static IEnumerable<string> Templates => Shapes.Select(s => s.English);

    /// <summary>The reason in the reader's language; unchanged for English, or when its shape is not known.</summary>
    public string Of(string? english)
    {
        if (string.IsNullOrEmpty(english)) return english ?? "";
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") return english;
        return Translate(english.Trim(), depth: 0) ?? english;
    }

    /// <summary>
    /// A ladder dose as IlioCare.Clinical writes it, in a Spanish reader's words; null for an English reader (the
    /// page keeps its own text) or for text that is not such a dose.
    /// </summary>
    public string? Dose(string? english) =>
        english is null || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? null : DoseOf(english.Trim());

    private string? Translate(string text, int depth)
    {
        if (depth > 4) return null;
        foreach (var shape in Shapes)
        {
            var match = shape.Pattern.Match(text);
            if (!match.Success) continue;
            var args = new object[shape.Parts.Length];
            var ok = true;
            for (var i = 0; i < args.Length && ok; i++)
            {
                var word = Word(shape.Parts[i], match.Groups[i + 1].Value, depth);
                if (word is null) ok = false;
                else args[i] = word;
            }
            if (!ok) continue;
            var spanish = L[shape.English, args];
            // No Spanish entry for the shape: English is better than half a translation.
            if (spanish.ResourceNotFound) return null;
            return spanish.Value;
        }
        return null;
    }

    private string? Word(Part part, string value, int depth) => part switch
    {
        Part.Reason => Translate(value, depth + 1),
        Part.Number => decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? n.ToString(CultureInfo.CurrentCulture) : null,
        Part.Phase => Enum.TryParse<Phase>(value, ignoreCase: true, out var phase) && Enum.IsDefined(phase)
            ? program.Name(phase).ToLower(CultureInfo.CurrentCulture) : null,
        Part.Dose => DoseOf(value),
        Part.ShortDay => DateOnly.TryParseExact(value + " 2024", "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMMM", CultureInfo.CurrentCulture) : null,
        Part.LongDay => DateOnly.TryParseExact(value, "ddd d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? dates.Of(d) : null,
        Part.IsoDay => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? dates.Of(d) : null,
        Part.Exercises => string.Join(", ", value.Split(", ").Select(name => exercises[name])),
        Part.Typed => value,
    };

    private static readonly Regex StrengthDose = new(@"^(\d+)×(\d+), (no|light|medium|heavy) resistance$", RegexOptions.CultureInvariant);
    private static readonly Regex HeldStretch = new(@"^(\d+) holds of (\d+) seconds$", RegexOptions.CultureInvariant);
    private static readonly Regex SidedStretch = new(@"^(\d+) on each side$", RegexOptions.CultureInvariant);

    /// <summary>A dose as IlioCare.Clinical writes it ("2×15, no resistance", "3 holds of 20 seconds", "10 on each side").</summary>
    private string? DoseOf(string value)
    {
        if (StrengthDose.Match(value) is { Success: true } s)
        {
            var resistance = s.Groups[3].Value switch
            {
                "no" => Resistance.None,
                "light" => Resistance.Light,
                "medium" => Resistance.Medium,
                _ => Resistance.Heavy,
            };
            return doses.Of(new Dose(int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture), resistance));
        }
        if (HeldStretch.Match(value) is { Success: true } h && int.Parse(h.Groups[1].Value, CultureInfo.InvariantCulture) is > 0 and var holds)
            return doses.Of(new StretchDose(holds, int.Parse(h.Groups[2].Value, CultureInfo.InvariantCulture)));
        if (SidedStretch.Match(value) is { Success: true } e && int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) is > 0 and var count)
            return doses.Of(new StretchDose(count, 0));
        return null;
    }

    /// <summary>A shape from its English template: the literal text escaped, each {n} a captured part.</summary>
    private static Shape S(string english, params Part[] parts)
    {
        var pattern = Regex.Replace(Regex.Escape(english), @"\\\{(\d+)}", m =>
        {
            var part = parts[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
            return part switch
            {
                // LoadGuard's percentage is written in the server's culture, so a decimal comma is read too.
                Part.Number => @"(-?\d+(?:[.,]\d+)?)",
                Part.Reason or Part.Exercises => "(.+)",
                _ => "(.+?)",
            };
        });
        return new(english, new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline), parts);
    }
}
