using FsCheck.Xunit;
using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Caseload;
using IlioCare.Clinical.Catalogue;
using static IlioCare.Clinical.Tests.Caseload.CaseloadAlertTests;

namespace IlioCare.Clinical.Tests.Caseload;

/// <summary>SPEC F13 "sorted by need": unacknowledged by kind, then acknowledged, then none; ties newest, then name.</summary>
public class CaseloadOrderTests
{
    private sealed record Row(string Name, IReadOnlyCollection<AlertStatus> Alerts);

    private static AlertStatus A(AlertKind kind, bool acknowledged = false, int daysAgo = 0) =>
        new(new Alert(kind, "", $"{kind}-{daysAgo}", Today.AddDays(-daysAgo)), acknowledged);

    private static string[] Sort(params Row[] rows) => CaseloadOrder.Sort(rows, r => r.Name, r => r.Alerts).Select(r => r.Name).ToArray();

    [Theory]
    [InlineData(AlertKind.WarningSign, AlertKind.SeverePain)]
    [InlineData(AlertKind.SeverePain, AlertKind.Flare)]
    [InlineData(AlertKind.Flare, AlertKind.Stop)]
    [InlineData(AlertKind.Stop, AlertKind.MissedCheckIn)]
    public void Order_HigherKindFirst(AlertKind higher, AlertKind lower)
    {
        // Names in the other order, so only the kind can put the higher one first.
        Assert.Equal(["z", "a"], Sort(new("a", [A(lower)]), new("z", [A(higher)])));
    }

    [Fact]
    public void Order_AcknowledgedAlertDropsBelowEveryUnacknowledged()
    {
        Assert.Equal(["missed", "acked-warning", "none"],
            Sort(new("none", []), new("acked-warning", [A(AlertKind.WarningSign, acknowledged: true)]), new("missed", [A(AlertKind.MissedCheckIn)])));
    }

    [Fact]
    public void Order_PartlyAcknowledged_RanksByTheHighestUnacknowledged()
    {
        // b's warning sign is acknowledged, its missed check-in not: b ranks as "missed", below a's stop.
        Assert.Equal(["a", "b"],
            Sort(new("b", [A(AlertKind.WarningSign, acknowledged: true), A(AlertKind.MissedCheckIn)]), new("a", [A(AlertKind.Stop)])));
    }

    [Fact]
    public void Order_AllAcknowledged_RankByTheirHighestKind()
    {
        Assert.Equal(["z", "a"], Sort(new("a", [A(AlertKind.Stop, true)]), new("z", [A(AlertKind.SeverePain, true)])));
    }

    [Fact]
    public void Order_SameKind_NewestEvidenceFirstThenName()
    {
        Assert.Equal(["c", "a", "b"],
            Sort(new("b", [A(AlertKind.Flare, daysAgo: 3)]), new("a", [A(AlertKind.Flare, daysAgo: 3)]), new("c", [A(AlertKind.Flare, daysAgo: 1)])));
    }

    /// <summary>Whatever the alerts, every unacknowledged patient comes before every fully acknowledged one, and those before the rest.</summary>
    [Property(MaxTest = 500)]
    public bool Order_AnyCaseload_GroupsNeverInterleave(byte[][] caseload)
    {
        var rows = (caseload ?? []).Take(30).Select((alerts, i) => new Row($"p{i}",
            (alerts ?? []).Take(5).Select(b => A((AlertKind)(b % 5), acknowledged: b % 2 == 0, daysAgo: b % 9)).DistinctBy(a => a.Alert.Kind).ToArray())).ToArray();

        var groups = CaseloadOrder.Sort(rows, r => r.Name, r => r.Alerts).Select(r => CaseloadOrder.RankOf(r.Alerts)).ToArray();

        return groups.Zip(groups.Skip(1)).All(p => p.First.Group < p.Second.Group
            || (p.First.Group == p.Second.Group && (p.First.Kind ?? 0) <= (p.Second.Kind ?? 0)));
    }

    /// <summary>The rule never raises an alert kind twice, keeps the ranking order, and every alert has a reason and a key.</summary>
    [Property(MaxTest = 500)]
    public bool Alerts_AnyFacts_AtMostOnePerKindInOrder(int[] pains, bool[] flares, bool[] signs, bool paused, byte stopDaysAgo)
    {
        var checkIns = (pains ?? []).Take(20).Select((p, n) => new CheckInFact(Today.AddDays(-n), Math.Abs(p % 11),
            signs is { } s && n < s.Length && s[n] ? [WarningSign.Fever] : [], flares is { } f && n < f.Length && f[n], Saved)).ToArray();
        var facts = Facts(checkIns) with { PausedForWarningSign = paused, Stops = [new StopFact(1, Today.AddDays(-(stopDaysAgo % 10)), ExerciseId.SideKick)] };

        var kinds = CaseloadAlerts.Compute(facts);

        return kinds.Select(a => a.Kind).SequenceEqual(kinds.Select(a => a.Kind).Distinct().Order())
            && kinds.All(a => a.Reason.Length > 0 && a.EvidenceKey.Length > 0)
            && kinds.Any(a => a.Kind == AlertKind.WarningSign) == (paused || (checkIns.Length > 0 && checkIns[0].WarningSigns.Count > 0));
    }
}
