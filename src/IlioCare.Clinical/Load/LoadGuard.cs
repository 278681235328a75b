namespace IlioCare.Clinical.Load;

/// <summary>The activity load guard (SPEC §7, F10): weekly caps, the week-on-week increase and the acute:chronic ratio.</summary>
public static class LoadGuard
{
    /// <summary>SPEC §7 / article: "no more than 10% per week".</summary>
    public const decimal MaxIncreasePercent = 10m;
    /// <summary>The acute:chronic ratio compares the last week with the mean of the last 4 (Gabbett 2016; SPEC §7).</summary>
    public const int ChronicWeeks = 4;
    // Zone bounds from SPEC §7 (Gabbett's "sweet spot" 0.8–1.3, "danger zone" above 1.5).
    private const decimal SweetSpotFrom = 0.8m, CautionAbove = 1.3m, HighRiskAbove = 1.5m;

    public static LoadReport Evaluate(LoadInput input)
    {
        var weeks = input.Weeks;
        var caps = new List<int>(weeks.Count + 1) { input.StartCap ?? WeeklyCap.First(input.PreInjuryWeeklyMinutes) };
        foreach (var week in weeks)
            caps.Add(WeeklyCap.Next(week.Minutes, caps[^1], week.Flare));

        var warnings = new List<Finding>();
        if (weeks.Count > 0 && weeks[^1].Minutes > caps[^2])
        {
            warnings.Add(new("over-cap",
                $"Last week's {weeks[^1].Minutes} minutes went past its cap of {caps[^2]}; the extra minutes do not raise next week's cap."));
        }

        decimal? increase = null;
        if (weeks.Count >= 2 && weeks[^2].Minutes > 0)
        {
            increase = Round((weeks[^1].Minutes - weeks[^2].Minutes) * 100m / weeks[^2].Minutes, 1);
            if (increase > MaxIncreasePercent)
                warnings.Add(new("over-10-percent", $"Sport rose {increase}% on the week before; more than 10% a week is how overuse pain starts."));
        }

        decimal? acwr = null;
        AcwrZone? zone = null;
        if (weeks.Count >= ChronicWeeks)
        {
            var chronicTotal = weeks.TakeLast(ChronicWeeks).Sum(w => w.Minutes);
            if (chronicTotal > 0)
            {
                // last ÷ (total ÷ 4) = 4 × last ÷ total: exact in decimal, so midpoints round as written.
                acwr = Round(ChronicWeeks * weeks[^1].Minutes / (decimal)chronicTotal, 2);
                zone = ZoneOf(acwr.Value);
                if (zone == AcwrZone.HighRisk)
                    warnings.Add(new("high-acwr", $"Last week was {acwr} times your 4-week average; a jump above 1.5 is linked with more injuries."));
            }
        }

        return new LoadReport(caps[^1], increase, acwr, zone, warnings, caps);
    }

    public static AcwrZone ZoneOf(decimal acwr) =>
        acwr < SweetSpotFrom ? AcwrZone.Low
        : acwr <= CautionAbove ? AcwrZone.SweetSpot
        : acwr <= HighRiskAbove ? AcwrZone.Caution
        : AcwrZone.HighRisk;

    /// <summary>SPEC §7: "All rounding is half away from zero."</summary>
    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
