using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Progression;
using static IlioCare.Clinical.Tests.Contracts.ContractAssert;

namespace IlioCare.Clinical.Tests.Contracts;

/// <summary>SPEC §2 rejections applied to the §6 progression input, with paths into current and sessions.</summary>
public class ProgressionContractTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly JsonText Session = new(
        ("date", "\"2026-03-09\""), ("sets", "2"), ("reps", "15"), ("resistance", "\"none\""), ("completed", "true"),
        ("stoppedForPain", "false"), ("painMorning", "2"), ("painBefore", "2"), ("painDuring", "3"), ("painNextMorning", "1"));

    private static readonly JsonText Valid = new(
        ("exercise", "\"straight-leg-raise\""), ("current", "{\"sets\":2,\"reps\":15,\"resistance\":\"none\"}"));

    private static Clinical.Contracts.ContractResult<ProgressionInput> Read(string json) => ProgressionContract.Read(json, Today);

    private static string Sessions(params JsonText[] sessions) => "[" + string.Join(",", sessions.Select(s => s.ToString())) + "]";

    private static JsonText WithSession(string field, string raw) => Valid.With("sessions", Sessions(Session.With(field, raw)));

    [Fact]
    public void Read_RequiredFieldsOnly_DefaultsToStrictAndNoSessions()
    {
        var input = Accepted(Read(Valid));

        Assert.Equal(ExerciseId.StraightLegRaise, input.Exercise);
        Assert.Equal(PainRule.Strict, input.PainRule);
        Assert.Equal(new Dose(2, 15, Resistance.None), input.Current);
        Assert.Empty(input.Sessions);
    }

    [Fact]
    public void Read_FullSession_IsRead()
    {
        var input = Accepted(Read(Valid.With("painRule", "\"monitoring\"").With("sessions", Sessions(Session))));

        Assert.Equal(PainRule.Monitoring, input.PainRule);
        Assert.Equal(new ExerciseSession(new(2026, 3, 9), new Dose(2, 15, Resistance.None), true, false, 2, 2, 3, 1), Assert.Single(input.Sessions));
    }

    [Theory]
    [InlineData("straight-leg-raise")]
    [InlineData("seated-marching")]
    [InlineData("standing-band-hip-flexion")]
    public void Read_StrengtheningExercise_IsAccepted(string exercise) => Accepted(Read(Valid.With("exercise", $"\"{exercise}\"")));

    [Theory]
    [InlineData("\"butterfly-stretch\"")]
    [InlineData("\"lying-hip-rotation\"")]
    [InlineData("\"side-kick\"")]
    [InlineData("\"hip-raise\"")]
    [InlineData("\"leg-raise\"")]
    [InlineData("\"self-massage\"")]
    [InlineData("\"sport-warm-up\"")]
    [InlineData("\"Straight-Leg-Raise\"")]
    [InlineData("\"squat\"")]
    [InlineData("null")]
    [InlineData("5")]
    public void Read_ExerciseNotStrengthening_IsRejected(string raw) => Rejected(Read(Valid.With("exercise", raw)), "exercise");

    [Theory]
    [InlineData("\"Strict\"")]
    [InlineData("\"MONITORING\"")]
    [InlineData("\"pain-monitoring\"")]
    [InlineData("null")]
    public void Read_PainRuleNotSpelledExactlyOrNull_IsRejected(string raw) => Rejected(Read(Valid.With("painRule", raw)), "painRule");

    [Theory]
    [InlineData("{\"sets\":2,\"reps\":17,\"resistance\":\"none\"}")]
    [InlineData("{\"sets\":1,\"reps\":15,\"resistance\":\"none\"}")]
    [InlineData("{\"sets\":4,\"reps\":20,\"resistance\":\"heavy\"}")]
    [InlineData("{\"sets\":3,\"reps\":25,\"resistance\":\"light\"}")]
    [InlineData("{\"sets\":2,\"reps\":10,\"resistance\":\"light\"}")]
    [InlineData("{\"sets\":2,\"reps\":15,\"resistance\":\"extra-heavy\"}")]
    public void Read_CurrentNotALadderStep_IsRejectedUnderCurrent(string raw)
    {
        var result = Read(Valid.With("current", raw));

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.StartsWith("current.", e.Field, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{}", "current.sets,current.reps,current.resistance")]
    [InlineData("{\"sets\":2,\"reps\":15,\"resistance\":\"none\",\"weight\":5}", "current.weight")]
    [InlineData("{\"sets\":2.0,\"reps\":\"15\",\"resistance\":\"None\"}", "current.sets,current.reps,current.resistance")]
    [InlineData("{\"sets\":2,\"sets\":2,\"reps\":15,\"resistance\":\"none\"}", "current.sets")]
    [InlineData("null", "current")]
    [InlineData("[2,15,\"none\"]", "current")]
    public void Read_CurrentBadFields_AreNamedWithTheirPaths(string raw, string paths) =>
        Rejected(Read(Valid.With("current", raw)), Wire.List(paths));

    [Fact]
    public void Read_EmptyObject_NamesEveryRequiredField() => Rejected(Read("{}"), "exercise", "current");

    [Fact]
    public void Read_EmptySession_NamesEveryRequiredSessionField() =>
        Rejected(Read(Valid.With("sessions", "[{}]")),
            "sessions[0].date", "sessions[0].sets", "sessions[0].reps", "sessions[0].resistance", "sessions[0].completed",
            "sessions[0].stoppedForPain", "sessions[0].painMorning", "sessions[0].painBefore", "sessions[0].painDuring");

    [Theory]
    [InlineData("null")]
    [InlineData("0")]
    [InlineData("10")]
    public void Read_PainNextMorningNullOrInRange_IsAccepted(string raw) => Accepted(Read(WithSession("painNextMorning", raw)));

    [Fact]
    public void Read_PainNextMorningAbsent_IsUnknown() =>
        Assert.Null(Accepted(Read(Valid.With("sessions", Sessions(Session.Without("painNextMorning"))))).Sessions[0].PainNextMorning);

    [Theory]
    [InlineData("sets", "1")]
    [InlineData("sets", "10")]
    [InlineData("reps", "1")]
    [InlineData("reps", "50")]
    [InlineData("date", "\"2026-03-11\"")]
    [InlineData("completed", "false")]
    public void Read_SessionOffTheLadderOrOnTheEdge_IsAccepted(string field, string raw) => Accepted(Read(WithSession(field, raw)));

    [Theory]
    [InlineData("sets", "0")]
    [InlineData("sets", "11")]
    [InlineData("reps", "0")]
    [InlineData("reps", "51")]
    [InlineData("sets", "2.0")]
    [InlineData("reps", "1.5e1")]
    [InlineData("painMorning", "-1")]
    [InlineData("painBefore", "11")]
    [InlineData("painDuring", "\"3\"")]
    [InlineData("painDuring", "3.0")]
    [InlineData("painDuring", "3e0")]
    [InlineData("painNextMorning", "11")]
    [InlineData("painNextMorning", "\"1\"")]
    [InlineData("painNextMorning", "1.0")]
    [InlineData("completed", "null")]
    [InlineData("completed", "\"true\"")]
    [InlineData("stoppedForPain", "0")]
    [InlineData("resistance", "\"Light\"")]
    [InlineData("resistance", "null")]
    [InlineData("date", "null")]
    [InlineData("date", "20260309")]
    [InlineData("date", "\"2026-3-9\"")]
    [InlineData("date", "\"2026-02-30\"")]
    [InlineData("date", "\"2026-13-01\"")]
    [InlineData("date", "\"2026/03/09\"")]
    [InlineData("date", "\"09-03-2026\"")]
    [InlineData("date", "\"2026-03-09T00:00:00\"")]
    [InlineData("date", "\" 2026-03-09\"")]
    [InlineData("date", "\"20260309\"")]
    [InlineData("date", "\"\"")]
    [InlineData("date", "\"2026-03-12\"")]
    [InlineData("date", "\"2027-01-01\"")]
    [InlineData("extra", "1")]
    public void Read_BadSessionField_IsNamedWithItsPath(string field, string raw) =>
        Rejected(Read(WithSession(field, raw)), $"sessions[0].{field}");

    [Theory]
    [InlineData("\"2026-03-08\"", "\"2026-03-07\"")]
    [InlineData("\"2026-03-08\"", "\"2026-03-08\"")]
    public void Read_SessionsNotOldestFirstOrSameDate_AreRejectedAtTheLaterOne(string first, string second) =>
        Rejected(Read(Valid.With("sessions", Sessions(Session.With("date", first), Session.With("date", second)))), "sessions[1].date");

    [Theory]
    [InlineData("null", "sessions")]
    [InlineData("{}", "sessions")]
    [InlineData("[1]", "sessions[0]")]
    [InlineData("[null]", "sessions[0]")]
    public void Read_SessionsNotAListOfObjects_IsRejected(string raw, string path) => Rejected(Read(Valid.With("sessions", raw)), path);

    [Fact]
    public void Read_ManyBadFields_AreAllNamedTogether()
    {
        var json = new JsonText(("exercise", "\"butterfly-stretch\""), ("painRule", "\"Strict\""),
            ("current", "{\"sets\":2,\"reps\":\"15\",\"resistance\":\"none\",\"x\":1}"), ("extra", "true"),
            ("sessions", Sessions(Session.With("date", "\"2026-1-5\""), Session.With("date", "\"2026-03-05\"").With("painDuring", "6.0").With("sets", "0"),
                Session.With("date", "\"2026-03-06\"").Without("completed").With("note", "\"\""))));

        Rejected(Read(json), "exercise", "painRule", "current.reps", "current.x", "extra",
            "sessions[0].date", "sessions[1].painDuring", "sessions[1].sets", "sessions[2].completed", "sessions[2].note");
    }
}
