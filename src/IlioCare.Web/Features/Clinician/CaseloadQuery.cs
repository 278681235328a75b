using System.Globalization;
using IlioCare.Clinical.Caseload;

namespace IlioCare.Web.Features.Clinician;

/// <summary>How the caseload is ordered (issue 15): by need (F13, the default), name, last check-in or pain now.</summary>
public enum CaseloadSort { Need, Name, LastCheckIn, Pain }

/// <summary>Which patients the caseload shows (issue 15): all followed now, or only some of them, or those discharged.</summary>
public enum CaseloadFilter { All, Alerts, Paused, NotCheckedIn, Discharged }

/// <summary>
/// The caseload's GET query (<c>?sort=&amp;show=&amp;q=&amp;page=</c>): plain links and a form without script, so every view
/// can be bookmarked. A value the page does not know falls back to the default (as <c>?page=x</c> shows page 1): a
/// typo in an address never ends in an error page.
/// </summary>
public sealed record CaseloadQuery(CaseloadSort Sort = CaseloadSort.Need, CaseloadFilter Filter = CaseloadFilter.All, string Search = "", int Page = 1)
{
    /// <summary>Issue 15 "not checked in for 3 days": nothing today, yesterday or the day before, in the patient's zone.</summary>
    public const int NotCheckedInDays = 3;

    public const int SearchLength = 100;

    public static CaseloadQuery Parse(string? sort, string? show, string? search, string? page) => new(
        sort switch { "name" => CaseloadSort.Name, "last-check-in" => CaseloadSort.LastCheckIn, "pain" => CaseloadSort.Pain, _ => CaseloadSort.Need },
        show switch
        {
            "alerts" => CaseloadFilter.Alerts, "paused" => CaseloadFilter.Paused, "not-checked-in" => CaseloadFilter.NotCheckedIn,
            "discharged" => CaseloadFilter.Discharged, _ => CaseloadFilter.All,
        },
        (search ?? "").Trim() is var s && s.Length > SearchLength ? s[..SearchLength] : s,
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1);

    public static string SortCode(CaseloadSort sort) => sort switch
    {
        CaseloadSort.Need => "need", CaseloadSort.Name => "name", CaseloadSort.LastCheckIn => "last-check-in", CaseloadSort.Pain => "pain",
    };

    public static string FilterCode(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.All => "all", CaseloadFilter.Alerts => "alerts", CaseloadFilter.Paused => "paused",
        CaseloadFilter.NotCheckedIn => "not-checked-in", CaseloadFilter.Discharged => "discharged",
    };

    /// <summary>The address of this view at another page (or with another sort or filter): only the parts that differ from the default.</summary>
    public string Href(int? page = null, CaseloadSort? sort = null, CaseloadFilter? filter = null)
    {
        var parts = new List<string>();
        var (s, f) = (sort ?? Sort, filter ?? Filter);
        if (s != CaseloadSort.Need) parts.Add("sort=" + SortCode(s));
        if (f != CaseloadFilter.All) parts.Add("show=" + FilterCode(f));
        if (Search.Length > 0) parts.Add("q=" + Uri.EscapeDataString(Search));
        var p = page ?? 1;
        if (p > 1) parts.Add("page=" + p.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "/clinician" : "/clinician?" + string.Join("&", parts);
    }

    /// <summary>The rows this query keeps (name or e-mail contains the search, any case), in its order.</summary>
    internal IReadOnlyList<CaseloadRow> Apply(IEnumerable<CaseloadRow> rows)
    {
        var kept = rows.Where(Keeps).ToArray();
        return Sort switch
        {
            CaseloadSort.Need => CaseloadOrder.Sort(kept, r => r.Name, r => r.Alerts),
            CaseloadSort.Name => [.. kept.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Email, StringComparer.Ordinal)],
            // Longest without a check-in first (none at all before any): whom to call.
            CaseloadSort.LastCheckIn => [.. kept.OrderBy(r => r.LastCheckIn ?? DateOnly.MinValue).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
            // Highest pain now first; no check-in last.
            CaseloadSort.Pain => [.. kept.OrderByDescending(r => r.PainNow ?? -1).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)],
        };
    }

    private bool Keeps(CaseloadRow row)
    {
        if (Search.Length > 0 && !row.Name.Contains(Search, StringComparison.OrdinalIgnoreCase)
            && !(row.Email ?? "").Contains(Search, StringComparison.OrdinalIgnoreCase)) return false;
        return Filter switch
        {
            CaseloadFilter.All or CaseloadFilter.Discharged => true, // discharged rows are read apart (CaseloadHandler)
            CaseloadFilter.Alerts => row.Alerts.Any(a => !a.Acknowledged),
            CaseloadFilter.Paused => row.Paused || row.OnHolidayPause,
            CaseloadFilter.NotCheckedIn => row.LastCheckIn is not { } last || last <= row.Today.AddDays(-NotCheckedInDays),
        };
    }
}
