using IlioCare.Clinical.Assessment;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Assessment;

/// <summary>
/// Plain words for the answer choices and the warning-sign questions, in the reader's language (issue 16): pass the
/// page's <c>IStringLocalizer&lt;AssessmentLabels&gt;</c>; the English text is the key, the Spanish is in
/// Resources/Features/Assessment/AssessmentLabels.es.resx. The one-argument overloads give the English, for the
/// pages and exports that are not translated yet.
/// </summary>
internal sealed class AssessmentLabels
{
    private AssessmentLabels() { }

    /// <summary>The English words: the key itself.</summary>
    public static IStringLocalizer English { get; } = new KeyAsText();

    public static string Of(Side side) => Of(side, English);
    public static string Of(Sex sex) => Of(sex, English);
    public static string Of(PainSite site) => Of(site, English);
    public static string Of(Aggravator aggravator) => Of(aggravator, English);
    public static string Of(Activity activity) => Of(activity, English);

    public static string Of(Side side, IStringLocalizer L) => side switch
    {
        Side.Left => L["Left"],
        Side.Right => L["Right"],
        Side.Both => L["Both sides"],
    };

    public static string Of(Sex sex, IStringLocalizer L) => sex switch
    {
        Sex.Female => L["Female"],
        Sex.Male => L["Male"],
        Sex.Other => L["Other"],
    };

    public static string Of(PainSite site, IStringLocalizer L) => site switch
    {
        PainSite.FrontOfHip => L["Front of the hip"],
        PainSite.Groin => L["Groin"],
        PainSite.OuterHip => L["Outer side of the hip"],
        PainSite.FrontOfThigh => L["Front of the thigh"],
        PainSite.Knee => L["Knee"],
        PainSite.Buttock => L["Buttock"],
        PainSite.LowerBack => L["Lower back"],
        PainSite.BelowKnee => L["Below the knee"],
    };

    public static string Of(Aggravator aggravator, IStringLocalizer L) => aggravator switch
    {
        Aggravator.HipFlexion => L["Lifting the knee towards the chest against resistance"],
        Aggravator.Running => L["Running"],
        Aggravator.Kicking => L["Kicking"],
        Aggravator.RisingFromSitting => L["Getting up from a chair"],
        Aggravator.LegExtensionDriving => L["Stretching the leg out, as when driving"],
        Aggravator.Stairs => L["Climbing stairs"],
        Aggravator.KneeToChest => L["Pulling the knee to the chest"],
        Aggravator.LyingDown => L["Lying down"],
    };

    public static string Of(Activity activity, IStringLocalizer L) => activity switch
    {
        Activity.Running => L["Running"],
        Activity.Rowing => L["Rowing"],
        Activity.Cycling => L["Cycling"],
        Activity.StrengthTraining => L["Strength training"],
        Activity.KickingSports => L["Kicking sports (football, martial arts)"],
        Activity.Dance => L["Dance"],
        Activity.Other => L["Other sport"],
    };

    /// <summary>
    /// A warning-sign question, a safety text (issue 16): the English is exactly <see cref="WarningSigns.Question"/>
    /// (a test holds them together, so the clinical wording stays the one source), the Spanish says the same thing
    /// with nothing softened.
    /// </summary>
    public static string Question(WarningSign sign, IStringLocalizer L) => sign switch
    {
        WarningSign.Fever => L["A fever (38 °C or higher)"],
        WarningSign.Chills => L["Chills or shivering"],
        WarningSign.RedWarmSkin => L["Red, warm skin over the hip or groin"],
        WarningSign.FeelingSick => L["Feeling generally unwell or sick"],
        WarningSign.AbdominalPain => L["Pain in the belly (abdomen)"],
        WarningSign.NumbnessOrWeakness => L["Numbness, pins and needles or weakness in a leg"],
        WarningSign.SaddleNumbness => L["Numbness between your legs or around your bottom, where you would sit on a bike saddle"],
        WarningSign.BladderOrBowelChange => L["New trouble controlling your bladder or bowels"],
        WarningSign.CannotBearWeight => L["You cannot put weight on the leg"],
        WarningSign.FallOrTrauma => L["A fall, blow or accident before the pain"],
        WarningSign.HopPain => L["Pain when you hop on the sore leg"],
        WarningSign.JointPain => L["Pain deep in the hip joint itself"],
        WarningSign.NightPain => L["Pain at night that wakes you or does not ease with rest"],
        WarningSign.WeightLoss => L["Weight loss you cannot explain"],
        WarningSign.CancerHistory => L["You have had cancer"],
        WarningSign.SwellingOrLump => L["A swelling or lump in the groin or hip"],
        WarningSign.ScrotalPain => L["Pain or swelling in a testicle or the scrotum (the skin bag that holds the testicles)"],
    };

    /// <summary>The check-in asks about a new fall, not one "before the pain".</summary>
    public static string CheckInQuestion(WarningSign sign, IStringLocalizer L) =>
        sign == WarningSign.FallOrTrauma ? L["A fall, blow or accident"] : Question(sign, L);

    /// <summary>English: every key reads as itself (the framework's convention, English text as the key).</summary>
    private sealed class KeyAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name, resourceNotFound: false);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments), resourceNotFound: false);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
