using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Custom;
using IlioCare.Clinical.Progression;

namespace IlioCare.Clinical.Tests.Custom;

/// <summary>Issue 15: a clinician's own exercise — its stop rule, its checks, its days, and its stop on the caseload.</summary>
public class CustomExerciseRulesTests
{
    [Theory]
    [InlineData(true, 2, 2, PainRule.Strict, true)]      // the button is a stop whatever the pains
    [InlineData(false, 2, 3, PainRule.Strict, true)]     // strict: any rise during is a stop (no ladder to absorb it)
    [InlineData(false, 3, 3, PainRule.Strict, false)]
    [InlineData(false, 1, 5, PainRule.Monitoring, false)] // monitoring: up to 5/10 during is accepted (SPEC §6)
    [InlineData(false, 1, 6, PainRule.Monitoring, true)]
    public void CountsAsStop(bool pressed, int before, int during, PainRule rule, bool stop) =>
        Assert.Equal(stop, CustomExerciseRules.CountsAsStop(pressed, before, during, rule));

    [Fact]
    public void Create_NamesEveryBadField_ForTheChosenDoseType()
    {
        var (value, errors) = CustomExerciseRules.Create(" ", "Step", new string('x', 501), CustomDoseType.Holds, null, null, 0, 301, null,
            CustomSides.EachSide, new HashSet<DayOfWeek>(), null);

        Assert.Null(value);
        Assert.Equal(["dose.holds", "dose.seconds", "name", "safetyNote"], errors.Select(e => e.Field).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Create_AllSevenDays_IsDaily_AndChosenDaysAreThePlan()
    {
        var all = Enum.GetValues<DayOfWeek>().ToHashSet();
        var (daily, _) = CustomExerciseRules.Create("A", "B", "C", CustomDoseType.Minutes, null, null, null, null, 5, CustomSides.NoSide, all, null);
        Assert.True(daily!.Daily);
        Assert.Equal("Every day", daily.FrequencyText);
        Assert.Equal("5 minutes", daily.Dose.Text);

        var (some, _) = CustomExerciseRules.Create("A", "B", "C", CustomDoseType.Repetitions, 2, 10, null, null, null, CustomSides.LeftOnly,
            new HashSet<DayOfWeek> { DayOfWeek.Friday, DayOfWeek.Monday }, null);
        Assert.Equal("On Monday and Friday", some!.FrequencyText);
        Assert.True(some.IsOn(new DateOnly(2026, 11, 30)));   // a Monday
        Assert.False(some.IsOn(new DateOnly(2026, 12, 1)));   // a Tuesday
        Assert.Equal(("2 sets of 10", "on the left side only"), (some.Dose.Text, some.SidesText));
    }

    [Fact]
    public void CaseloadStop_NamesTheCustomExercise_WithItsOwnEvidenceKey()
    {
        var today = new DateOnly(2026, 11, 24);
        var alerts = CaseloadAlerts.Compute(new PatientFacts { Today = today, Stops = [StopFact.Custom(7, today, "Wall bridge hold")] });

        var stop = Assert.Single(alerts, a => a.Kind == AlertKind.Stop);
        Assert.Equal(("Stopped Wall bridge hold: pain went up (24 Nov)", "stop:custom:7"), (stop.Reason, stop.EvidenceKey));
    }

    [Theory]
    [InlineData(CustomDoseType.Repetitions, CustomSides.EachSide, 60)] // 2 sets of 15 on each side
    [InlineData(CustomDoseType.Repetitions, CustomSides.NoSide, 30)]
    [InlineData(CustomDoseType.Holds, CustomSides.EachSide, 6)]        // 3 holds on each side
    [InlineData(CustomDoseType.Minutes, CustomSides.EachSide, 1)]      // a timed exercise is one block
    public void PlannedCount_CountsEveryRepetitionOrHold_OnEachSide(CustomDoseType type, CustomSides sides, int expected) =>
        Assert.Equal(expected, CustomExerciseRules.PlannedCount(new CustomDose(type, Sets: 2, Reps: 15, Holds: 3, Seconds: 20, Minutes: 10), sides));
}
