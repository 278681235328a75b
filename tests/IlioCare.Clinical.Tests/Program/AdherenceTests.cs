using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using static IlioCare.Clinical.Tests.Program.History;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>Adherence (F11): done vs what <see cref="SessionPlanner"/> planned that day; paused days plan nothing.</summary>
public class AdherenceTests
{
    private const ExerciseId Slr = ExerciseId.StraightLegRaise, Lhr = ExerciseId.LyingHipRotation, Bfs = ExerciseId.ButterflyStretch,
        Msg = ExerciseId.SelfMassage, Wup = ExerciseId.SportWarmUp;

    public static TheoryData<Phase, int, ProgramPause, bool, ExerciseId[], int, int> Days => new()
    {
        // phase, day (0 = a Monday), pause, sport day, logged completed → planned, done
        { Phase.Settle, 0, ProgramPause.None, false, [Msg, Lhr, Bfs], 3, 3 },
        { Phase.Settle, 0, ProgramPause.None, false, [Lhr, Slr], 3, 1 },          // strengthening is not planned in settle
        { Phase.Restore, 0, ProgramPause.None, false, [], 8, 0 },                  // five stretches + three strengthening
        { Phase.Restore, 0, ProgramPause.None, true, [Wup, Slr], 9, 2 },          // sport day: the warm-up is planned too
        { Phase.Restore, 0, ProgramPause.HolidayOrIllness, false, [Slr], 0, 0 }, // paused: nothing planned, nothing counts
        { Phase.Return, 0, ProgramPause.WarningSign, false, [Slr], 0, 0 },
        { Phase.Prevent, 3, ProgramPause.None, false, [Slr], 0, 0 },              // Thursday: prevent's rest day
        { Phase.Prevent, 1, ProgramPause.None, false, [Slr, Lhr], 3, 1 },         // Tuesday: strengthening only
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Day_CountsPlannedBySessionPlanner_AndDoneAmongThem(Phase phase, int day, ProgramPause pause, bool sport, ExerciseId[] completed, int planned, int done)
    {
        var session = SessionPlanner.For(new SessionRequest(phase, Day(day)) { Pause = pause, SportDay = sport });
        Assert.Equal(new AdherenceDay(Day(day), planned, done), Adherence.Day(session, completed));
    }

    [Fact]
    public void Weeks_SumByIsoWeek_LeaveOutDaysThatPlannedNothing_AndRoundHalfAwayFromZero()
    {
        AdherenceDay[] days =
        [
            new(Day(0), 8, 8), new(Day(1), 8, 4), new(Day(2), 0, 0), // week 1: 12 of 16, 2 program days
            new(Day(6), 0, 0),                                          // a paused Sunday: no week of its own
            new(Day(7), 8, 1),                                          // week 2: 1 of 8 = 12.5 % → 13 %
        ];
        var weeks = Adherence.Weeks(days);
        Assert.Equal([new AdherenceWeek(Day(0), 16, 12, 2), new AdherenceWeek(Day(7), 8, 1, 1)], weeks);
        Assert.Equal([75, 13], weeks.Select(w => w.Percent));
    }
}
