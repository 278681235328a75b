using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Progression;

/// <summary>The JSON of SPEC §6, in and out (<c>iliocare progress</c> and the API).</summary>
public static class ProgressionContract
{
    /// <param name="today">Today (UTC): session dates may be at most one day later (SPEC §2).</param>
    public static ContractResult<ProgressionInput> Read(string json, DateOnly today) => JsonContract.Read(json, o => Read(o, today));

    public static ProgressionInput? Read(ObjectReader o, DateOnly today)
    {
        var exercise = o.RequiredEnum<ExerciseId>("exercise");
        if (exercise is { } id && !ExerciseCatalogue.Strengthening.Contains(id))
        {
            o.Error("exercise", $"must be one of {string.Join(", ", ExerciseCatalogue.Strengthening.Select(WireName.Of))} " +
                                $"(only strengthening exercises have a dose ladder), not \"{WireName.Of(id)}\"");
        }
        var painRule = o.OptionalEnum<PainRule>("painRule") ?? PainRule.Strict;
        var current = o.RequiredObject("current") is { } c ? ReadLadderStep(c) : null;
        var sessions = o.OptionalObjectList("sessions").Select(s => ReadSession(s, today)).ToList();

        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i] is { } s && sessions[i - 1] is { } previous && s.Date <= previous.Date)
                o.Error($"sessions[{i}].date", $"sessions must be oldest first with at most one per date; {s.Date:yyyy-MM-dd} does not come after {previous.Date:yyyy-MM-dd}");
        }

        if (o.HasErrors || exercise is null || current is null || sessions.Any(s => s is null)) return null;
        return new ProgressionInput(exercise.Value, painRule, current.Value, sessions!);
    }

    private static Dose? ReadLadderStep(ObjectReader c)
    {
        // The ladder's own bounds (SPEC §6): 2–3 sets of 15 or 20.
        var sets = c.RequiredInt("sets", 2, 3);
        var reps = c.RequiredInt("reps", 15, 20);
        var resistance = c.RequiredEnum<Resistance>("resistance");
        if (sets is null || reps is null || resistance is null) return null;
        var dose = new Dose(sets.Value, reps.Value, resistance.Value);
        if (Ladder.IsStep(dose)) return dose;
        c.Error("reps", $"must be 15 or 20: the current dose must be a ladder step (2×15, 2×20, 3×15 or 3×20), not {reps}");
        return null;
    }

    private static ExerciseSession? ReadSession(ObjectReader s, DateOnly today)
    {
        var date = s.RequiredDate("date", today.AddDays(1));
        // SPEC §6: "sets and reps ints 1–10 and 1–50 (a session may be off the ladder)".
        var sets = s.RequiredInt("sets", 1, 10);
        var reps = s.RequiredInt("reps", 1, 50);
        var resistance = s.RequiredEnum<Resistance>("resistance");
        var completed = s.RequiredBool("completed");
        var stopped = s.RequiredBool("stoppedForPain");
        var painMorning = s.RequiredInt("painMorning", 0, 10);
        var painBefore = s.RequiredInt("painBefore", 0, 10);
        var painDuring = s.RequiredInt("painDuring", 0, 10);
        var painNextMorning = s.NullableInt("painNextMorning", 0, 10);
        if (date is null || sets is null || reps is null || resistance is null || completed is null || stopped is null
            || painMorning is null || painBefore is null || painDuring is null)
            return null;
        return new ExerciseSession(date.Value, new Dose(sets.Value, reps.Value, resistance.Value), completed.Value, stopped.Value,
            painMorning.Value, painBefore.Value, painDuring.Value, painNextMorning);
    }

    public static string Write(ProgressionDecision decision) => ContractWriter.Write(w =>
    {
        w.WriteString("action", WireName.Of(decision.Action));
        w.WriteStartObject("next");
        w.WriteNumber("sets", decision.Next.Sets);
        w.WriteNumber("reps", decision.Next.Reps);
        w.WriteString("resistance", WireName.Of(decision.Next.Resistance));
        w.WriteEndObject();
        w.WriteString("reason", decision.Reason);
    });
}
