using System.Globalization;
using IlioCare.Clinical.Assessment;

namespace IlioCare.Web.Features.Summary;

/// <summary>
/// The summary's fixed words (F4): the triage levels, the questions to take to the doctor, the tests a doctor may
/// order — our own plain words built from the article's facts ("Your doctor may ask you about your symptoms. Be
/// specific and state how long…"; physical examination with pressure on the bursa; X-ray, MRI, ultrasound, bone scan).
/// </summary>
internal static class SummaryText
{
    public static string Level(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency: go to emergency care now",
        TriageLevel.Urgent => "Urgent: see a doctor within 24 hours",
        TriageLevel.Routine => "Routine: book a doctor or physio visit",
        TriageLevel.SelfCare => "Self-care: no doctor needed first",
    };

    public const string BeSpecific =
        "Doctors ask about your symptoms. Be specific, and say how long it has hurt: this page gives the dates and the numbers.";

    /// <summary>Our own list; the first two come straight from the article's point that bursitis can mimic tendonitis.</summary>
    public static IReadOnlyList<string> Questions { get; } =
    [
        "Could this be iliopsoas bursitis, tendonitis, a snapping hip or something else?",
        "Do I need imaging, and which test would help most?",
        "Is it safe to go on with these exercises at these doses?",
        "When can I go back to my sport, and how fast may I build it up?",
        "Would physiotherapy help (soft-tissue massage, joint mobilisation, a look at how I move)?",
        "Which signs should make me come back sooner?",
    ];

    /// <summary>Asked as well when a warning sign was ever reported.</summary>
    public const string WarningSignQuestion = "The warning signs listed above: do they need tests or treatment now?";

    /// <summary>The tests a doctor may order (article, diagnosis paragraph), in plain words.</summary>
    public static IReadOnlyList<(string Name, string What)> Tests { get; } =
    [
        ("Physical examination",
            "The doctor moves your hip and presses on the front of it, over the bursa (a small fluid-filled cushion between " +
            "bone and muscle), to find what hurts. Bursitis can look like tendonitis, so an examination alone may not settle it."),
        ("X-ray", "A quick picture of the bones of the hip and pelvis, to rule out problems of the bone or joint."),
        ("MRI", "Uses a strong magnetic field and radio waves to make detailed pictures, including muscles, tendons and the bursa."),
        ("Ultrasound", "Uses high-frequency sound waves to look inside the body, for example at a swollen bursa or tendon."),
        ("Bone scan", "A nuclear medicine scan: it shows changes in bone, such as a small crack from overuse."),
    ];

    public const string Disclaimer =
        "IlioCare does not diagnose. This summary lists what you reported and what the app suggested from it; " +
        "only a doctor who examines you can say what it is.";

    public const string NoTreatments =
        "None recorded. IlioCare has no treatments by a doctor or physiotherapist on record for you.";

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Short(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Range(DateOnly from, DateOnly to) => $"{Short(from)} – {Date(to)}";

    /// <summary>"down 4.2", "up 0.5", "no change".</summary>
    public static string Change(decimal first, decimal last) =>
        last < first ? $"down {Number(first - last)}" : last > first ? $"up {Number(last - first)}" : "no change";

    /// <summary>"10 weeks and 3 days" (or "5 days") for a duration in days.</summary>
    public static string Duration(int days) => (days / 7, days % 7) switch
    {
        (0, var d) => Plural(d, "day"),
        (var w, 0) => Plural(w, "week"),
        (var w, var d) => $"{Plural(w, "week")} and {Plural(d, "day")}",
    };

    public static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    /// <summary>"once", "3 times".</summary>
    public static string Times(int n) => n == 1 ? "once" : $"{n} times";
}
