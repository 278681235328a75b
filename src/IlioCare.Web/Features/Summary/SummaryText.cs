using System.Globalization;
using IlioCare.Clinical.Assessment;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Summary;

/// <summary>
/// The summary's fixed words (F4): the triage levels, the questions to take to the doctor, the tests a doctor may
/// order — our own plain words built from the article's facts ("Your doctor may ask you about your symptoms. Be
/// specific and state how long…"; physical examination with pressure on the bursa; X-ray, MRI, ultrasound, bone scan).
/// The words follow the reader's language (Resources/Features/Summary/SummaryText.es.resx, issue 16); dates and
/// numbers follow the current culture, since the summary goes to a doctor who reads that language.
/// </summary>
// Not static: IStringLocalizer<SummaryText> names its resource file, and a static type cannot be a type argument.
internal sealed class SummaryText
{
    private SummaryText() { }

    public static string Level(IStringLocalizer<SummaryText> L, TriageLevel level) => level switch
    {
        TriageLevel.Emergency => L["Emergency: go to emergency care now"],
        TriageLevel.Urgent => L["Urgent: see a doctor within 24 hours"],
        TriageLevel.Routine => L["Routine: book a doctor or physio visit"],
        TriageLevel.SelfCare => L["Self-care: no doctor needed first"],
    };

    public static string BeSpecific(IStringLocalizer<SummaryText> L) =>
        L["Doctors ask about your symptoms. Be specific, and say how long it has hurt: this page gives the dates and the numbers."];

    /// <summary>Our own list; the first two come straight from the article's point that bursitis can mimic tendonitis.</summary>
    public static IReadOnlyList<string> Questions(IStringLocalizer<SummaryText> L) =>
    [
        L["Could this be iliopsoas bursitis, tendonitis, a snapping hip or something else?"],
        L["Do I need imaging, and which test would help most?"],
        L["Is it safe to go on with these exercises at these doses?"],
        L["When can I go back to my sport, and how fast may I build it up?"],
        L["Would physiotherapy help (soft-tissue massage, joint mobilisation, a look at how I move)?"],
        L["Which signs should make me come back sooner?"],
    ];

    /// <summary>Asked as well when a warning sign was ever reported.</summary>
    public static string WarningSignQuestion(IStringLocalizer<SummaryText> L) => L["The warning signs listed above: do they need tests or treatment now?"];

    /// <summary>The tests a doctor may order (article, diagnosis paragraph), in plain words.</summary>
    public static IReadOnlyList<(string Name, string What)> Tests(IStringLocalizer<SummaryText> L) =>
    [
        (L["Physical examination"],
            L["The doctor moves your hip and presses on the front of it, over the bursa (a small fluid-filled cushion between bone and muscle), to find what hurts. Bursitis can look like tendonitis, so an examination alone may not settle it."]),
        (L["X-ray"], L["A quick picture of the bones of the hip and pelvis, to rule out problems of the bone or joint."]),
        (L["MRI"], L["Uses a strong magnetic field and radio waves to make detailed pictures, including muscles, tendons and the bursa."]),
        (L["Ultrasound"], L["Uses high-frequency sound waves to look inside the body, for example at a swollen bursa or tendon."]),
        (L["Bone scan"], L["A nuclear medicine scan: it shows changes in bone, such as a small crack from overuse."]),
    ];

    public static string Disclaimer(IStringLocalizer<SummaryText> L) =>
        L["IlioCare does not diagnose. This summary lists what you reported and what the app suggested from it; only a doctor who examines you can say what it is."];

    public static string NoTreatments(IStringLocalizer<SummaryText> L) =>
        L["None recorded. IlioCare has no treatments by a doctor or physiotherapist on record for you."];

    /// <summary>"3 December 2026", "3 de diciembre de 2026": the day as the reader's culture writes it in full.</summary>
    public static string Date(DateOnly day) => day.ToString(
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "es" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Short(DateOnly day) => day.ToString("d MMM", CultureInfo.CurrentCulture);

    public static string Number(decimal value) => value.ToString("0.0", CultureInfo.CurrentCulture);

    public static string Range(DateOnly from, DateOnly to) => $"{Short(from)} – {Date(to)}";

    /// <summary>"down 4.2", "up 0.5", "no change".</summary>
    public static string Change(IStringLocalizer<SummaryText> L, decimal first, decimal last) =>
        last < first ? L["down {0}", Number(first - last)] : last > first ? L["up {0}", Number(last - first)] : L["no change"];

    /// <summary>"10 weeks and 3 days" (or "5 days") for a duration in days.</summary>
    public static string Duration(IStringLocalizer<SummaryText> L, int days) => (days / 7, days % 7) switch
    {
        (0, var d) => Days(L, d),
        (var w, 0) => Weeks(L, w),
        (var w, var d) => L["{0} and {1}", Weeks(L, w), Days(L, d)],
    };

    public static string Days(IStringLocalizer<SummaryText> L, int n) => n == 1 ? L["1 day"] : L["{0} days", n];

    public static string Weeks(IStringLocalizer<SummaryText> L, int n) => n == 1 ? L["1 week"] : L["{0} weeks", n];

    public static string CheckIns(IStringLocalizer<SummaryText> L, int n) => n == 1 ? L["1 check-in"] : L["{0} check-ins", n];

    public static string DailyCheckIns(IStringLocalizer<SummaryText> L, int n) => n == 1 ? L["1 daily check-in"] : L["{0} daily check-ins", n];

    /// <summary>
    /// The assessment's yes/no symptoms (SummaryBuilder keeps them in English for the API) and where a warning sign was
    /// reported, in the reader's language. An unknown text is shown as it is.
    /// </summary>
    public static string Other(IStringLocalizer<SummaryText> L, string english) => english switch
    {
        "Stiff in the morning, easing during the day" => L["Stiff in the morning, easing during the day"],
        "Stiff in the morning, not easing during the day" => L["Stiff in the morning, not easing during the day"],
        "A limp" => L["A limp"],
        "A snapping or clicking feeling in the hip" => L["A snapping or clicking feeling in the hip"],
        "Getting worse despite rest" => L["Getting worse despite rest"],
        "Did more sport or training than usual shortly before it began" => L["Did more sport or training than usual shortly before it began"],
        "assessment" => L["self-assessment"],
        "check-in" => L["daily check-in"],
        _ => english,
    };

    /// <summary>"once", "3 times".</summary>
    public static string Times(IStringLocalizer<SummaryText> L, int n) => n == 1 ? L["once"] : L["{0} times", n];
}
