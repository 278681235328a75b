using IlioCare.Clinical.Load;

namespace IlioCare.Clinical.Tests.Load;

/// <summary>Test language for SPEC §7: weeks as minutes ("100,110,121*" — a star marks a flare week), consecutive Mondays.</summary>
internal static class Weeks
{
    public static readonly DateOnly FirstMonday = new(2026, 1, 5);

    public static LoadWeek[] Parse(string text) =>
        Wire.List(text).Select((w, i) => new LoadWeek(FirstMonday.AddDays(7 * i),
            int.Parse(w.TrimEnd('*'), System.Globalization.CultureInfo.InvariantCulture), w.EndsWith('*'))).ToArray();

    public static LoadReport Evaluate(int pre, string weeks, int? startCap = null) =>
        LoadGuard.Evaluate(new LoadInput(pre, startCap, Parse(weeks)));

    /// <summary>Weeks with the given minutes, none a flare, from a high pre-injury figure so the caps stay out of the way.</summary>
    public static LoadReport Minutes(params int[] minutes) => Evaluate(10080, string.Join(',', minutes));

    public static string[] WarningCodes(this LoadReport r) => Wire.Codes(r.Warnings);
}
