using IlioCare.Clinical.Assessment;

namespace IlioCare.Web.Features.Assessment;

/// <summary>Plain words for the answer choices (the warning signs have theirs in WarningSigns.Question).</summary>
internal static class AssessmentLabels
{
    public static string Of(Side side) => side switch
    {
        Side.Left => "Left",
        Side.Right => "Right",
        Side.Both => "Both sides",
    };

    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        Sex.Other => "Other",
    };

    public static string Of(PainSite site) => site switch
    {
        PainSite.FrontOfHip => "Front of the hip",
        PainSite.Groin => "Groin",
        PainSite.OuterHip => "Outer side of the hip",
        PainSite.FrontOfThigh => "Front of the thigh",
        PainSite.Knee => "Knee",
        PainSite.Buttock => "Buttock",
        PainSite.LowerBack => "Lower back",
        PainSite.BelowKnee => "Below the knee",
    };

    public static string Of(Aggravator aggravator) => aggravator switch
    {
        Aggravator.HipFlexion => "Lifting the knee towards the chest against resistance",
        Aggravator.Running => "Running",
        Aggravator.Kicking => "Kicking",
        Aggravator.RisingFromSitting => "Getting up from a chair",
        Aggravator.LegExtensionDriving => "Stretching the leg out, as when driving",
        Aggravator.Stairs => "Climbing stairs",
        Aggravator.KneeToChest => "Pulling the knee to the chest",
        Aggravator.LyingDown => "Lying down",
    };

    public static string Of(Activity activity) => activity switch
    {
        Activity.Running => "Running",
        Activity.Rowing => "Rowing",
        Activity.Cycling => "Cycling",
        Activity.StrengthTraining => "Strength training",
        Activity.KickingSports => "Kicking sports (football, martial arts)",
        Activity.Dance => "Dance",
        Activity.Other => "Other sport",
    };
}
