using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using IlioCare.Data;

namespace IlioCare.Web.Features.CheckIn;

/// <summary>
/// The check-in as JSON (F8, F16), with the page's rules: <c>warningSigns</c> is required (an empty list is the
/// explicit "none of these", F3) and holds only the signs asked at check-in; sport minutes by activity, at most a
/// day's minutes together; <c>hopTest</c> ("pain-free" | "painful") required when the program asks for it today.
/// </summary>
internal static class CheckInContract
{
    public static CheckInAnswers? Read(ObjectReader o, bool hopTestAsked)
    {
        var painMorning = o.RequiredInt("painMorning", 0, 10);
        var stiffness = o.RequiredInt("stiffnessMinutes", 0, CheckInForm.MinutesInDay);
        var painNow = o.RequiredInt("painNow", 0, 10);
        var signs = o.RequiredSet<WarningSign>("warningSigns");
        if (signs is not null)
        {
            foreach (var sign in signs.Where(s => !WarningSigns.IsAskedAtCheckIn(s)))
                o.Error("warningSigns", $"\"{WireName.Of(sign)}\" is not asked at check-in; the signs are {string.Join(", ", WarningSigns.AskedAtCheckIn.Select(s => WireName.Of(s)))}");
        }
        var sport = o.OptionalIntMap<Activity>("sportMinutes", 0, CheckInForm.MinutesInDay);
        if (sport.Values.Sum() > CheckInForm.MinutesInDay)
            o.Error("sportMinutes", $"all sports together can be at most {CheckInForm.MinutesInDay} minutes in a day");
        var hop = o.OptionalEnum<HopTest>("hopTest");
        if (hopTestAsked && hop is null && !o.HasErrors)
            o.Error("hopTest", "is required today: say whether 10 hops on the sore leg hurt (pain-free or painful)");
        else if (!hopTestAsked && hop is not null)
            o.Error("hopTest", "is not asked today; leave it out");

        if (o.HasErrors || painMorning is null || stiffness is null || painNow is null || signs is null) return null;
        return new(painMorning.Value, stiffness.Value, painNow.Value, signs,
            sport.Where(p => p.Value > 0).ToDictionary(), hopTestAsked ? hop == HopTest.PainFree : null);
    }

    public static object View(CheckInRecord c) => new
    {
        date = c.Date,
        painMorning = c.PainMorning,
        stiffnessMinutes = c.StiffnessMinutes,
        painNow = c.PainNow,
        warningSigns = c.WarningSigns.Select(s => WireName.Of(s)).Order(StringComparer.Ordinal),
        sportMinutes = c.SportMinutes.ToDictionary(p => WireName.Of(p.Key), p => p.Value),
        hopTest = c.HopTestPainFree switch { true => "pain-free", false => "painful", null => null },
        flare = c.Flare,
        updatedAtUtc = c.UpdatedAtUtc,
    };

    /// <summary>The 10-hop answer's wire names.</summary>
    internal enum HopTest { PainFree, Painful }
}
