namespace IlioCare.Clinical.Assessment;

/// <summary>
/// How urgent the warning signs of a daily check-in are (F3): judged by the very rules of the assessment
/// (SPEC §3), so a check-in's fever with red, warm skin is an emergency exactly as in the questionnaire.
/// </summary>
public static class CheckInTriage
{
    /// <summary>
    /// The §3 result for <paramref name="signs"/> of a patient of <paramref name="age"/> with the sore
    /// <paramref name="side"/>. Pains are left at 0 and <c>symptomDays</c> at 0: a sign ticked at a check-in is
    /// new since the last one, so new scrotal pain is judged as torsion would be (SPEC §3 possible-torsion,
    /// symptomDays ≤ 1). The risk factors come from the patient's latest assessment (revision 3), so numbness
    /// on blood thinners is the possible-bleed emergency at a check-in too. Any sign asked at a check-in is
    /// urgent or emergency on its own, so the level is never below urgent when there is one.
    /// </summary>
    public static AssessmentResult Judge(IEnumerable<WarningSign> signs, int age, Side side, bool pregnantOrPostpartum = false, bool bloodThinners = false) =>
        Assessor.Assess(new AssessmentInput(Math.Clamp(age, 10, 110), side, 0, 0, 0, signs)
        {
            PregnantOrPostpartum = pregnantOrPostpartum,
            BloodThinners = bloodThinners,
        });
}
