using IlioCare.Clinical.Contracts;

namespace IlioCare.Clinical.Load;

/// <summary>The JSON of SPEC §7, in and out (<c>iliocare load</c> and the API).</summary>
public static class LoadContract
{
    /// <summary>Minutes in a week: the upper bound of every minutes field (SPEC §7).</summary>
    public const int MinutesInWeek = 10080;

    public static ContractResult<LoadInput> Read(string json, DateOnly today) => JsonContract.Read(json, o => Read(o, today));

    public static LoadInput? Read(ObjectReader o, DateOnly today)
    {
        var pre = o.RequiredInt("preInjuryWeeklyMinutes", 0, MinutesInWeek);
        var startCap = o.OptionalInt("startCap", 0, MinutesInWeek);
        var weeks = o.OptionalObjectList("weeks").Select(w => ReadWeek(w, today)).ToList();
        for (var i = 1; i < weeks.Count; i++)
        {
            // SPEC §7: "completed consecutive ISO weeks, oldest first".
            if (weeks[i] is { } w && weeks[i - 1] is { } previous && w.WeekStart != previous.WeekStart.AddDays(7))
                o.Error($"weeks[{i}].weekStart", $"weeks must be consecutive, oldest first: expected {previous.WeekStart.AddDays(7):yyyy-MM-dd}, not {w.WeekStart:yyyy-MM-dd}");
        }
        if (o.HasErrors || pre is null || weeks.Any(w => w is null)) return null;
        return new LoadInput(pre.Value, startCap, weeks!);
    }

    private static LoadWeek? ReadWeek(ObjectReader w, DateOnly today)
    {
        var start = w.RequiredDate("weekStart", today.AddDays(1));
        var minutes = w.RequiredInt("minutes", 0, MinutesInWeek);
        var flare = w.RequiredBool("flare");
        if (start is { } monday && monday.DayOfWeek != DayOfWeek.Monday)
        {
            w.Error("weekStart", $"must be a Monday (ISO weeks start on Monday); {monday:yyyy-MM-dd} is a {monday.DayOfWeek}");
            return null;
        }
        return start is null || minutes is null || flare is null ? null : new LoadWeek(start.Value, minutes.Value, flare.Value);
    }

    public static string Write(LoadReport report) => ContractWriter.Write(w =>
    {
        w.WriteNumber("nextWeekCap", report.NextWeekCap);
        WriteNumberOrNull(w, "increasePercent", report.IncreasePercent);
        WriteNumberOrNull(w, "acwr", report.Acwr);
        if (report.Zone is { } zone) w.WriteString("zone", WireName.Of(zone));
        else w.WriteNull("zone");
        ContractWriter.WriteFindings(w, "warnings", report.Warnings);
    });

    private static void WriteNumberOrNull(System.Text.Json.Utf8JsonWriter w, string name, decimal? value)
    {
        // Written as the shortest number (12.5, 20): trailing zeros of a decimal's scale carry no meaning here.
        if (value is { } v) w.WriteNumber(name, (double)v);
        else w.WriteNull(name);
    }
}
