using IlioCare.Clinical.Load;
using static IlioCare.Clinical.Tests.Contracts.ContractAssert;

namespace IlioCare.Clinical.Tests.Contracts;

/// <summary>SPEC §2 rejections applied to the §7 load input: Mondays, consecutive weeks, minutes in range.</summary>
public class LoadContractTests
{
    /// <summary>A Tuesday: dates up to 2026-03-11 (today + 1) are allowed, so 2026-03-09 is the latest valid Monday.</summary>
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly JsonText Valid = new(("preInjuryWeeklyMinutes", "200"));

    private static Clinical.Contracts.ContractResult<LoadInput> Read(string json) => LoadContract.Read(json, Today);

    private static string Week(string monday, string minutes = "60", string flare = "false", string extra = "") =>
        $"{{\"weekStart\":{monday},\"minutes\":{minutes},\"flare\":{flare}{extra}}}";

    private static JsonText WithWeeks(params string[] weeks) => Valid.With("weeks", "[" + string.Join(",", weeks) + "]");

    [Fact]
    public void Read_RequiredFieldOnly_HasNoStartCapAndNoWeeks()
    {
        var input = Accepted(Read(Valid));

        Assert.Equal(200, input.PreInjuryWeeklyMinutes);
        Assert.Null(input.StartCap);
        Assert.Empty(input.Weeks);
    }

    [Fact]
    public void Read_ConsecutiveMondays_AreRead()
    {
        var input = Accepted(Read(WithWeeks(Week("\"2026-02-23\"", "0", "true"), Week("\"2026-03-02\"", "10080"), Week("\"2026-03-09\"")).With("startCap", "0")));

        Assert.Equal(0, input.StartCap);
        Assert.Equal(
            [new LoadWeek(new(2026, 2, 23), 0, true), new LoadWeek(new(2026, 3, 2), 10080, false), new LoadWeek(new(2026, 3, 9), 60, false)],
            input.Weeks);
    }

    [Theory]
    [InlineData("preInjuryWeeklyMinutes", "0")]
    [InlineData("preInjuryWeeklyMinutes", "10080")]
    [InlineData("startCap", "10080")]
    [InlineData("weeks", "[]")]
    public void Read_BoundaryValues_AreAccepted(string field, string raw) => Accepted(Read(Valid.With(field, raw)));

    [Fact]
    public void Read_EmptyObject_NamesThePreInjuryMinutes() => Rejected(Read("{}"), "preInjuryWeeklyMinutes");

    [Theory]
    [InlineData("preInjuryWeeklyMinutes", "-1")]
    [InlineData("preInjuryWeeklyMinutes", "10081")]
    [InlineData("preInjuryWeeklyMinutes", "\"200\"")]
    [InlineData("preInjuryWeeklyMinutes", "200.0")]
    [InlineData("preInjuryWeeklyMinutes", "2e2")]
    [InlineData("preInjuryWeeklyMinutes", "null")]
    [InlineData("startCap", "null")]
    [InlineData("startCap", "-1")]
    [InlineData("startCap", "10081")]
    [InlineData("startCap", "50.5")]
    [InlineData("weeks", "null")]
    [InlineData("weeks", "{}")]
    [InlineData("Weeks", "[]")]
    [InlineData("nextWeekCap", "100")]
    public void Read_BadTopLevelField_IsNamed(string field, string raw) => Rejected(Read(Valid.With(field, raw)), field);

    [Fact]
    public void Read_DuplicateKey_IsNamed() => Rejected(Read(Valid.Plus("preInjuryWeeklyMinutes", "300")), "preInjuryWeeklyMinutes");

    [Fact]
    public void Read_EmptyWeek_NamesEveryRequiredWeekField() =>
        Rejected(Read(WithWeeks("{}")), "weeks[0].weekStart", "weeks[0].minutes", "weeks[0].flare");

    [Theory]
    [InlineData("\"2026-03-03\"")]   // Tuesday
    [InlineData("\"2026-03-08\"")]   // Sunday
    [InlineData("\"2026-3-2\"")]
    [InlineData("\"2026-02-30\"")]
    [InlineData("\"2026-W10\"")]
    [InlineData("\"2026-03-16\"")]   // a Monday later than today + 1
    [InlineData("20260302")]
    [InlineData("null")]
    public void Read_WeekStartNotAPastMondayInYyyyMmDd_IsRejected(string monday) =>
        Rejected(Read(WithWeeks(Week(monday))), "weeks[0].weekStart");

    [Fact]
    public void Read_MondayThatIsTomorrow_IsAccepted() =>
        Accepted(LoadContract.Read(WithWeeks(Week("\"2026-03-09\"")), new DateOnly(2026, 3, 8)));

    [Fact]
    public void Read_MondayTwoDaysAhead_IsRejected() =>
        Rejected(LoadContract.Read(WithWeeks(Week("\"2026-03-09\"")), new DateOnly(2026, 3, 7)), "weeks[0].weekStart");

    [Theory]
    [InlineData("minutes", "-1")]
    [InlineData("minutes", "10081")]
    [InlineData("minutes", "60.0")]
    [InlineData("minutes", "6e1")]
    [InlineData("minutes", "\"60\"")]
    [InlineData("minutes", "null")]
    [InlineData("flare", "null")]
    [InlineData("flare", "\"false\"")]
    [InlineData("flare", "0")]
    public void Read_BadWeekValue_IsNamedWithItsPath(string field, string raw)
    {
        var week = field == "minutes" ? Week("\"2026-03-02\"", minutes: raw) : Week("\"2026-03-02\"", flare: raw);
        Rejected(Read(WithWeeks(week)), $"weeks[0].{field}");
    }

    [Fact]
    public void Read_UnknownFieldInAWeek_IsNamedWithItsPath() =>
        Rejected(Read(WithWeeks(Week("\"2026-03-02\""), Week("\"2026-03-09\"", extra: ",\"paused\":false"))), "weeks[1].paused");

    [Theory]
    [InlineData("\"2026-02-16\"", "\"2026-03-02\"")]   // a week missing
    [InlineData("\"2026-03-02\"", "\"2026-02-23\"")]   // newest first
    [InlineData("\"2026-03-02\"", "\"2026-03-02\"")]   // the same week twice
    public void Read_WeeksNotConsecutiveOldestFirst_AreRejectedAtTheLaterOne(string first, string second) =>
        Rejected(Read(WithWeeks(Week(first), Week(second))), "weeks[1].weekStart");

    [Theory]
    [InlineData("[1]", "weeks[0]")]
    [InlineData("[null]", "weeks[0]")]
    [InlineData("[[]]", "weeks[0]")]
    public void Read_WeeksNotObjects_AreNamed(string raw, string path) => Rejected(Read(Valid.With("weeks", raw)), path);

    [Fact]
    public void Read_ManyBadFields_AreAllNamedTogether()
    {
        var json = new JsonText(("startCap", "null"), ("extra", "1"), ("weeks", "[" + string.Join(",",
            Week("\"2026-02-17\""), Week("\"2026-02-23\"", minutes: "10.5"), Week("\"2026-03-02\"", flare: "\"yes\"", extra: ",\"x\":1")) + "]"));

        Rejected(Read(json), "preInjuryWeeklyMinutes", "startCap", "extra", "weeks[0].weekStart", "weeks[1].minutes", "weeks[2].flare", "weeks[2].x");
    }
}
