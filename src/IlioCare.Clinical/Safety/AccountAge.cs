namespace IlioCare.Clinical.Safety;

/// <summary>
/// SPEC F18: accounts from age 16 (younger people can take the assessment and are told to involve a parent and a
/// doctor). Issue 18: the age comes from the date of birth, never from a typed number, so it grows by itself.
/// </summary>
public static class AccountAge
{
    /// <summary>SPEC F18: "sign-up from age 16".</summary>
    public const int Minimum = 16;

    /// <summary>SPEC §3 takes ages up to 110; an older date of birth is a typing mistake.</summary>
    public const int Maximum = 110;

    /// <summary>Whole years lived on <paramref name="day"/>: the birthday itself counts (born 29 February: 28 February in other years, as <c>DateOnly.AddYears</c> counts).</summary>
    public static int YearsOn(DateOnly dateOfBirth, DateOnly day)
    {
        var years = day.Year - dateOfBirth.Year;
        return day < dateOfBirth.AddYears(years) ? years - 1 : years;
    }

    public static bool MaySignUp(DateOnly dateOfBirth, DateOnly today) => YearsOn(dateOfBirth, today) >= Minimum;
}
