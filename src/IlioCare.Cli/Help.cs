namespace IlioCare.Cli;

/// <summary>The `--help` text of each verb: the input it reads, an example, what it writes.</summary>
internal static class Help
{
    public const string Assess = """
        usage: iliocare assess < assessment.json

        Reads a self-assessment (SPEC §3) as JSON on stdin and writes the triage on stdout.
        Required: age (10–110), side (left|right|both), symptomDays (0–3650), painNow and painWorst (0–10,
        painWorst ≥ painNow), flags (a list, may be empty: fever, chills, red-warm-skin, feeling-sick,
        abdominal-pain, numbness-or-weakness, saddle-numbness, bladder-or-bowel-change, cannot-bear-weight,
        fall-or-trauma, hop-pain, joint-pain, night-pain, weight-loss, cancer-history, swelling-or-lump,
        scrotal-pain).
        Optional: sex, painSites, aggravators, activities, morningStiffness, stiffnessEasesDuringDay, limp,
        snapping, worsening, recentLoadIncrease, pregnantOrPostpartum (pregnant now or gave birth in the last
        6 weeks), bloodThinners (takes warfarin, a DOAC or heparin injections).

        example:
          echo '{"age":34,"side":"left","symptomDays":10,"painNow":3,"painWorst":5,"flags":[]}' | iliocare assess

        output: {"triage","reasons":[{"code","text"}],"patterns":[{"code","text"}],"startPhase","disclaimer"}
        Bad input: exit 2, one line per bad field on stderr.
        """;

    public const string Progress = """
        usage: iliocare progress < progression.json

        Judges a strengthening exercise's latest session (SPEC §6) and writes the next dose on stdout.
        Input: exercise (straight-leg-raise | seated-marching | standing-band-hip-flexion), painRule
        (strict | monitoring, default strict), current {sets, reps, resistance} (a ladder step: 2×15, 2×20,
        3×15, 3×20 at none|light|medium|heavy), sessions (oldest first, one per date) each with date
        (YYYY-MM-DD), sets, reps, resistance, completed, stoppedForPain, painMorning, painBefore,
        painDuring, painNextMorning (null while unknown).

        example:
          echo '{"exercise":"seated-marching","current":{"sets":2,"reps":15,"resistance":"none"},"sessions":[]}' | iliocare progress

        output: {"action":"progress|hold|regress|stop","next":{"sets","reps","resistance"},"reason"}
        Bad input: exit 2, one line per bad field on stderr.
        """;

    public const string Load = """
        usage: iliocare load < load.json

        Applies the 10 % rule to completed weeks of sport (SPEC §7) and writes next week's cap on stdout.
        Input: preInjuryWeeklyMinutes (0–10080), startCap (optional, 0–10080), weeks (consecutive, oldest
        first) each with weekStart (a Monday, YYYY-MM-DD), minutes (0–10080), flare (true|false).

        example:
          echo '{"preInjuryWeeklyMinutes":200,"weeks":[{"weekStart":"2026-11-02","minutes":100,"flare":false}]}' | iliocare load

        output: {"nextWeekCap","increasePercent","acwr","zone","warnings":[{"code","text"}]}
        Bad input: exit 2, one line per bad field on stderr.
        """;
}
