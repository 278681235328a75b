using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Progression;

/// <summary>What the progression engine judges (SPEC §6): the current ladder step and the sessions, oldest first, one per date.</summary>
public sealed record ProgressionInput
{
    public ProgressionInput(ExerciseId exercise, PainRule painRule, Dose current, IReadOnlyList<ExerciseSession<Dose>> sessions)
    {
        if (!Ladder.IsStep(current)) throw new ArgumentOutOfRangeException(nameof(current), current, "The current dose must be a step of the ladder.");
        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i].Date <= sessions[i - 1].Date)
                throw new ArgumentException("Sessions must be oldest first, at most one per date.", nameof(sessions));
        }
        (Exercise, PainRule, Current, Sessions) = (exercise, painRule, current, sessions);
    }

    public ExerciseId Exercise { get; }
    public PainRule PainRule { get; }
    public Dose Current { get; }
    public IReadOnlyList<ExerciseSession<Dose>> Sessions { get; }
}

public enum ProgressionAction { Progress, Hold, Regress, Stop }

/// <summary>The engine's answer: what to do, the dose for next time, and why in words a patient reads.</summary>
public record ProgressionDecision<TDose>(ProgressionAction Action, TDose Next, string Reason);

/// <summary>The answer for a strengthening exercise (the SPEC §6 contract's output).</summary>
public sealed record ProgressionDecision(ProgressionAction Action, Dose Next, string Reason)
    : ProgressionDecision<Dose>(Action, Next, Reason);
