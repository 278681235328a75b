namespace IlioCare.Clinical.Safety;

/// <summary>
/// The one-time massage safety check (SPEC F18): deep finger strokes into the belly toward the psoas are
/// not safe with any of these, so a single "yes" removes <c>self-massage</c> from the program.
/// </summary>
public enum MassageCaution
{
    Pregnancy,
    BloodThinners,
    RecentAbdominalSurgery,
    AorticAneurysm,
    Hernia,
}

public static class MassageSafety
{
    /// <summary>Plain words for a patient, as the onboarding form asks them.</summary>
    public static string Question(MassageCaution caution) => caution switch
    {
        // Words of the assessment's questions (SPEC §3 revision 3), so the answer it pre-fills means the same thing.
        MassageCaution.Pregnancy => "Are you pregnant or could you be, or did you give birth in the last 6 weeks?",
        MassageCaution.BloodThinners => "Do you take a medicine that thins the blood, such as warfarin, apixaban, rivaroxaban or heparin injections?",
        MassageCaution.RecentAbdominalSurgery => "Have you had surgery on your belly in the last 6 months?",
        MassageCaution.AorticAneurysm => "Do you have a known aortic aneurysm (a widened main artery in the belly)?",
        MassageCaution.Hernia => "Do you have a hernia in the belly or groin?",
    };

    /// <summary>SPEC F18: any caution answered "yes" removes self-massage; none keeps it.</summary>
    public static bool AllowsSelfMassage(IReadOnlySet<MassageCaution> cautions) => cautions.Count == 0;
}
