using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Program;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Progression;

public class SessionHistoryTests
{
    private static readonly DateOnly s_day0 = new(2026, 3, 2);
    private static readonly Dose s_dose = new(2, 15, Resistance.None);

    private static CheckIn Morning(int day, int pain) => new(s_day0.AddDays(day), pain, 0, pain);
    private static ExerciseLog<Dose> Log(int day, bool stopped = false) => new(s_day0.AddDays(day), s_dose, !stopped, stopped, 2, 2);

    [Fact]
    public void Join_TakesThatMorningAndTheNextMorningFromTheCheckIns()
    {
        var sessions = SessionHistory.Join([Log(1), Log(0)], [Morning(0, 3), Morning(1, 2), Morning(2, 4)]);
        Assert.Equal([(s_day0, 3, (int?)2), (s_day0.AddDays(1), 2, 4)], sessions.Select(s => (s.Date, s.PainMorning, s.PainNextMorning)));
    }

    [Fact]
    public void Join_NoCheckInTheNextMorning_LeavesNextMorningUnknown()
    {
        var sessions = SessionHistory.Join([Log(0)], [Morning(0, 3)]);
        Assert.Null(Assert.Single(sessions).PainNextMorning);
    }

    [Fact]
    public void Join_LogOnADayWithoutCheckIn_IsLeftOut() =>
        Assert.Empty(SessionHistory.Join([Log(5)], [Morning(0, 3)]));

    [Fact]
    public void Join_StopPressedYesterday_MakesTodaysDecisionAStop()
    {
        // F7: a "pain went up" press holds the dose back the next day.
        var sessions = SessionHistory.Join([Log(0, stopped: true)], [Morning(0, 2), Morning(1, 2)]);
        var d = Progressor.Decide(new ProgressionInput(ExerciseId.SeatedMarching, PainRule.Strict, new Dose(2, 20, Resistance.None), sessions));
        Assert.Equal((ProgressionAction.Stop, s_dose), (d.Action, d.Next));
    }
}
