using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;

namespace IlioCare.Clinical.Tests.Caseload;

/// <summary>SPEC F13: each alert kind, its threshold, its reason and its evidence key.</summary>
public class CaseloadAlertTests
{
    internal static readonly DateOnly Today = new(2026, 11, 24);
    internal static readonly DateTime Saved = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    internal static CheckInFact C(int daysAgo, int pain = 1, bool flare = false, params WarningSign[] signs) =>
        new(Today.AddDays(-daysAgo), pain, signs, flare, Saved.AddDays(-daysAgo));

    internal static PatientFacts Facts(params CheckInFact[] checkIns) =>
        new() { Today = Today, CheckIns = checkIns, ProgramStart = Today.AddDays(-30) };

    private static AlertKind[] Kinds(PatientFacts facts) => CaseloadAlerts.Compute(facts).Select(a => a.Kind).ToArray();

    [Theory]
    [InlineData(0, true)]   // today's check-in has one
    [InlineData(1, true)]   // yesterday's, still the latest
    public void WarningSign_InLatestCheckIn_Alerts(int daysAgo, bool alert)
    {
        var alerts = CaseloadAlerts.Compute(Facts(C(3), C(daysAgo, signs: WarningSign.Fever)));

        Assert.Equal(alert, alerts.Any(a => a.Kind == AlertKind.WarningSign));
        var sign = alerts.Single(a => a.Kind == AlertKind.WarningSign);
        Assert.Equal($"Fever reported on {Today.AddDays(-daysAgo):d MMM}", sign.Reason);
        Assert.Equal($"{Today.AddDays(-daysAgo):yyyy-MM-dd}@{Saved.AddDays(-daysAgo).Ticks}", sign.EvidenceKey);
    }

    [Fact]
    public void WarningSign_InAnOlderCheckInWithoutPause_DoesNotAlert()
    {
        Assert.DoesNotContain(AlertKind.WarningSign, Kinds(Facts(C(2, signs: WarningSign.Chills), C(1), C(0))));
    }

    [Fact]
    public void WarningSign_PausedWithoutNewSign_KeepsTheCausingCheckInsKey()
    {
        var cause = C(2, signs: [WarningSign.Fever, WarningSign.Chills]);
        var facts = Facts(cause, C(1), C(0)) with { PausedForWarningSign = true };

        var sign = CaseloadAlerts.Compute(facts).Single(a => a.Kind == AlertKind.WarningSign);

        Assert.Equal("Program paused: fever and chills reported on 22 Nov", sign.Reason);
        Assert.Equal($"2026-11-22@{cause.SavedAtUtc.Ticks}", sign.EvidenceKey);
    }

    [Fact]
    public void WarningSign_PausedWithTheCauseOutOfReach_NamesThePauseDay()
    {
        var facts = Facts(C(0)) with { PausedForWarningSign = true, StateSince = Today.AddDays(-20) };

        var sign = CaseloadAlerts.Compute(facts).Single(a => a.Kind == AlertKind.WarningSign);

        Assert.Equal("Program paused for a warning sign since 4 Nov", sign.Reason);
        Assert.Equal("paused:2026-11-04", sign.EvidenceKey);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]   // SPEC F13: pain now ≥ 7
    [InlineData(10, true)]
    public void SeverePain_LatestCheckInPainSevenOrMore_Alerts(int pain, bool alert)
    {
        var alerts = CaseloadAlerts.Compute(Facts(C(1, 2), C(0, pain)));

        Assert.Equal(alert, alerts.Any(a => a.Kind == AlertKind.SeverePain));
        if (alert) Assert.Equal($"Pain {pain} out of 10 on 24 Nov", alerts.Single(a => a.Kind == AlertKind.SeverePain).Reason);
    }

    [Fact]
    public void SeverePain_OnlyTheLatestCheckInCounts()
    {
        Assert.DoesNotContain(AlertKind.SeverePain, Kinds(Facts(C(1, 9), C(0, 3))));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(6, true)]   // today and the 6 days before: SPEC §4's 7-day window
    [InlineData(7, false)]
    public void Flare_InTheLastSevenDays_Alerts(int daysAgo, bool alert)
    {
        var checkIns = Enumerable.Range(0, 12).Select(n => C(n, n == daysAgo ? 4 : 1, flare: n == daysAgo)).ToArray();

        var alerts = CaseloadAlerts.Compute(Facts(checkIns));

        Assert.Equal(alert, alerts.Any(a => a.Kind == AlertKind.Flare));
        if (alert)
            Assert.Equal($"Flare on {Today.AddDays(-daysAgo):d MMM}: pain 4 out of 10, 3 above the average of the 3 check-ins before",
                alerts.Single(a => a.Kind == AlertKind.Flare).Reason);
    }

    [Fact]
    public void Flare_FromSeverePain_SaysThePain()
    {
        var flare = CaseloadAlerts.Compute(Facts(C(2, 8, flare: true), C(1, 3), C(0, 3))).Single(a => a.Kind == AlertKind.Flare);

        Assert.Equal("Flare on 22 Nov: pain 8 out of 10", flare.Reason);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void Stop_InTheLastSevenDays_Alerts(int daysAgo, bool alert)
    {
        var facts = Facts(C(0)) with { Stops = [new StopFact(41, Today.AddDays(-daysAgo), ExerciseId.StraightLegRaise)] };

        var alerts = CaseloadAlerts.Compute(facts);

        Assert.Equal(alert, alerts.Any(a => a.Kind == AlertKind.Stop));
        if (alert)
        {
            var stop = alerts.Single(a => a.Kind == AlertKind.Stop);
            Assert.Equal($"Stopped straight leg raise: pain went up ({Today.AddDays(-daysAgo):d MMM})", stop.Reason);
            Assert.Equal("stop:41", stop.EvidenceKey);
        }
    }

    [Fact]
    public void Stop_TwoStops_KeyIsTheLatest()
    {
        var facts = Facts(C(0)) with
        {
            Stops = [new StopFact(50, Today.AddDays(-1), ExerciseId.SeatedMarching), new StopFact(41, Today.AddDays(-3), ExerciseId.StraightLegRaise)],
        };

        var stop = CaseloadAlerts.Compute(facts).Single(a => a.Kind == AlertKind.Stop);

        Assert.Equal("stop:50", stop.EvidenceKey);
        Assert.StartsWith("Stopped seated marching: pain went up (23 Nov); 2 stops", stop.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]  // yesterday's check-in is enough
    [InlineData(2, true)]   // SPEC F13: no check-in yesterday or today
    public void MissedCheckIn_NoneYesterdayOrToday_Alerts(int lastDaysAgo, bool alert)
    {
        var alerts = CaseloadAlerts.Compute(Facts(C(lastDaysAgo)));

        Assert.Equal(alert, alerts.Any(a => a.Kind == AlertKind.MissedCheckIn));
        if (alert)
        {
            var missed = alerts.Single(a => a.Kind == AlertKind.MissedCheckIn);
            Assert.Equal("No check-in since 22 Nov", missed.Reason);
            Assert.Equal("missed:2026-11-22", missed.EvidenceKey);
        }
    }

    [Theory]
    [InlineData(0, false)]  // started today: nothing to miss yet
    [InlineData(1, true)]   // started yesterday, nothing since
    public void MissedCheckIn_NeverCheckedIn_CountsFromTheProgramStart(int startedDaysAgo, bool alert)
    {
        var facts = Facts() with { ProgramStart = Today.AddDays(-startedDaysAgo) };

        Assert.Equal(alert, Kinds(facts).Contains(AlertKind.MissedCheckIn));
    }

    [Fact]
    public void MissedCheckIn_OnAHolidayPause_DoesNotAlert()
    {
        Assert.DoesNotContain(AlertKind.MissedCheckIn, Kinds(Facts(C(5)) with { OnPause = true }));
    }

    [Fact]
    public void Alerts_EveryKindAtOnce_InRankingOrder()
    {
        var facts = Facts(C(9), C(8), C(7), C(3, 9, flare: true, WarningSign.Fever)) with
        {
            Stops = [new StopFact(7, Today.AddDays(-3), ExerciseId.SeatedMarching)],
        };

        Assert.Equal(Enum.GetValues<AlertKind>(), Kinds(facts));
    }

    [Fact]
    public void Alerts_NothingWrong_NoAlerts()
    {
        Assert.Empty(CaseloadAlerts.Compute(Facts(C(2, 2), C(1, 2), C(0, 1))));
    }

    [Fact]
    public void EvidenceKey_CheckInSavedAgain_Changes()
    {
        var first = CaseloadAlerts.Compute(Facts(C(0, 8))).Single();
        var again = CaseloadAlerts.Compute(Facts(C(0, 8) with { SavedAtUtc = Saved.AddHours(2) })).Single();

        Assert.NotEqual(first.EvidenceKey, again.EvidenceKey);
    }
}
