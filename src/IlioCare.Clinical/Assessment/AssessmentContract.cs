using System.Text.Json;
using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Assessment;

/// <summary>The JSON of SPEC §3, in and out: shared by <c>iliocare assess</c> and <c>POST /api/v1/assessments</c>.</summary>
public static class AssessmentContract
{
    public static ContractResult<AssessmentInput> Read(string json) => JsonContract.Read(json, Read);

    public static AssessmentInput? Read(ObjectReader o)
    {
        // SPEC §3 ranges.
        var age = o.RequiredInt("age", 10, 110);
        var side = o.RequiredEnum<Side>("side");
        var symptomDays = o.RequiredInt("symptomDays", 0, 3650);
        var painNow = o.RequiredInt("painNow", 0, 10);
        var painWorst = o.RequiredInt("painWorst", 0, 10);
        var flags = o.RequiredSet<WarningSign>("flags");
        var sex = o.OptionalEnum<Sex>("sex");
        var sites = o.OptionalSet<PainSite>("painSites");
        var aggravators = o.OptionalSet<Aggravator>("aggravators");
        var activities = o.OptionalSet<Activity>("activities");
        var morningStiffness = o.OptionalBool("morningStiffness");
        var eases = o.OptionalBool("stiffnessEasesDuringDay");
        var limp = o.OptionalBool("limp");
        var snapping = o.OptionalBool("snapping");
        var worsening = o.OptionalBool("worsening");
        var loadIncrease = o.OptionalBool("recentLoadIncrease");
        var pregnant = o.OptionalBool("pregnantOrPostpartum");
        var bloodThinners = o.OptionalBool("bloodThinners");

        if (painNow is { } now && painWorst is { } worst && worst < now)
            o.Error("painWorst", $"must be at least painNow ({now}): the worst pain of the last 24 hours includes now, not {worst}");

        if (o.HasErrors || age is null || side is null || symptomDays is null || painNow is null || painWorst is null || flags is null)
            return null;
        return new AssessmentInput(age.Value, side.Value, symptomDays.Value, painNow.Value, painWorst.Value, flags)
        {
            Sex = sex,
            PainSites = sites,
            Aggravators = aggravators,
            Activities = activities,
            MorningStiffness = morningStiffness,
            StiffnessEasesDuringDay = eases,
            Limp = limp,
            Snapping = snapping,
            Worsening = worsening,
            RecentLoadIncrease = loadIncrease,
            PregnantOrPostpartum = pregnant,
            BloodThinners = bloodThinners,
        };
    }

    public static string Write(AssessmentResult result) => ContractWriter.Write(w =>
    {
        w.WriteString("triage", WireName.Of(result.Triage));
        ContractWriter.WriteFindings(w, "reasons", result.Reasons);
        ContractWriter.WriteFindings(w, "patterns", result.Patterns);
        if (result.StartPhase is { } phase) w.WriteString("startPhase", WireName.Of(phase));
        else w.WriteNull("startPhase");
        w.WriteString("disclaimer", result.Disclaimer);
    });
}
