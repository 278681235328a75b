namespace IlioCare.Ceiling;

/// <summary>
/// The one patient the load runs as, found once at start by e-mail: the app learns the account id from its
/// auth cookie on every request; the ceiling has no cookie, so it is fixed here.
/// </summary>
internal sealed record Patient(string AccountId)
{
    public static async Task<Patient> FindAsync(Sql sql, string email)
    {
        await using var c = await sql.OpenAsync(CancellationToken.None);
        var id = await Sql.FirstAsync(c, null, """SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", r => r.GetString(0),
            CancellationToken.None, ("@email", email.ToUpperInvariant()));
        return new(id ?? throw new InvalidOperationException($"no account {email}: start the app once with --Demo:Seed=true"));
    }

    /// <summary>The patient's calendar day in their own zone, looked up per request as PatientToday.Date does.</summary>
    public static DateOnly Today(string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);
}
