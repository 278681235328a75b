using FsCheck.Xunit;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

public class ProgramProperties
{
    /// <summary>Settle never holds strengthening; an excluded massage or exercise never appears; each exercise at most once.</summary>
    [Property(MaxTest = 1000)]
    public bool Session_NeverStrengtheningInSettle_NorExcludedMassage(int phase, int day, bool sport, bool massageExcluded, int excludedMask)
    {
        var request = new SessionRequest((Phase)Math.Abs(phase % 4), Day(Math.Abs(day % 3650)))
        {
            SportDay = sport,
            MassageExcluded = massageExcluded,
            ExcludedByClinician = Enum.GetValues<ExerciseId>().Where(id => (excludedMask & (1 << (int)id)) != 0).ToHashSet(),
        };
        var items = SessionPlanner.For(request).Items.Select(i => i.Exercise).ToArray();

        var noStrengthInSettle = request.Phase != Phase.Settle || items.All(e => e.Kind != ExerciseKind.Strength);
        var noExcludedMassage = !massageExcluded || items.All(e => e.Id != ExerciseId.SelfMassage);
        var noExcluded = items.All(e => !request.ExcludedByClinician.Contains(e.Id));
        var onceEach = items.Select(e => e.Id).Distinct().Count() == items.Length;
        var warmUpFirstOrAbsent = items.Skip(1).All(e => e.Kind != ExerciseKind.WarmUp);
        return noStrengthInSettle && noExcludedMassage && noExcluded && onceEach && warmUpFirstOrAbsent;
    }

    /// <summary>
    /// On any history: a warning sign today always pauses; otherwise the phase moves at most one step (a flare
    /// in prevent goes straight back to restore, SPEC §4); and a move forward never happens on a flare.
    /// </summary>
    [Property(MaxTest = 1000)]
    public bool Phase_AnyHistory_PausesOnWarningSignAndMovesOneStepAtMost(int phase, int[] pains, bool[] stops, bool warning)
    {
        var from = (Phase)Math.Abs(phase % 4);
        var days = (pains ?? []).Take(20).Select((p, n) =>
            new CheckIn(Day(n), Math.Abs(p % 11), 0, Math.Abs(p % 11),
                StopsForPain: stops is { } s && n < s.Length && s[n] ? 1 : 0,
                HopTestPainFree: true)).ToList();
        if (days.Count == 0) return true;
        days[^1] = days[^1] with { HasWarningSign = warning };
        var today = days[^1].Date;

        var decision = PhaseMoves.Decide(new ProgramState(from, Day(0)), new PhaseEvidence { CheckIns = days }, today);

        if (warning) return decision.Move == PhaseMove.Pause && decision.Next.PausedForWarningSign;
        var step = (int)decision.Next.Phase - (int)from;
        var oneStep = step is >= -1 and <= 1 || (decision.IsFlare && from == Phase.Prevent && decision.Next.Phase == Phase.Restore);
        var noAdvanceOnFlare = !(decision.IsFlare && step > 0);
        return oneStep && noAdvanceOnFlare && !decision.Next.PausedForWarningSign && decision.Reason.Length > 0;
    }
}
