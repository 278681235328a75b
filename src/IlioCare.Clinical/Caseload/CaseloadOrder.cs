namespace IlioCare.Clinical.Caseload;

/// <summary>
/// The caseload's order (SPEC F13 "sorted by need"): patients with an unacknowledged alert first, by their
/// highest unacknowledged kind (<see cref="AlertKind"/> declaration order); then patients whose alerts are all
/// acknowledged (an acknowledged alert "drops down"), by their highest kind; then patients without alerts.
/// Ties: the newest evidence first (of the alerts that placed the patient), then the name.
/// </summary>
public static class CaseloadOrder
{
    /// <summary>Where a patient stands: group (0 unacknowledged, 1 all acknowledged, 2 none), kind, newest evidence.</summary>
    public readonly record struct Rank(int Group, AlertKind? Kind, DateOnly Newest);

    public static Rank RankOf(IReadOnlyCollection<AlertStatus> alerts)
    {
        var open = alerts.Where(a => !a.Acknowledged).Select(a => a.Alert).ToArray();
        var placing = open.Length > 0 ? open : alerts.Select(a => a.Alert).ToArray();
        if (placing.Length == 0) return new(2, null, DateOnly.MinValue);
        return new(open.Length > 0 ? 0 : 1, placing.Min(a => a.Kind), placing.Max(a => a.On));
    }

    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> rows, Func<T, string> name, Func<T, IReadOnlyCollection<AlertStatus>> alerts) =>
        rows.Select(r => (Row: r, Rank: RankOf(alerts(r)), Name: name(r)))
            .OrderBy(x => x.Rank.Group)
            .ThenBy(x => x.Rank.Kind ?? default)
            .ThenByDescending(x => x.Rank.Newest)
            .ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Row)
            .ToArray();
}
