namespace IlioCare.Ceiling;

/// <summary>
/// The one clinician the caseload load runs as, found once at start by e-mail, with the sign-in session bench/load.sh's
/// cookie carries (the newest): the app learns both from the auth cookie on every request; the ceiling has no cookie.
/// </summary>
internal sealed record Clinician(string AccountId, string SessionId)
{
    public static async Task<Clinician?> FindAsync(Sql sql, string? email)
    {
        if (email is null) return null;
        await using var c = await sql.OpenAsync(CancellationToken.None);
        var id = await Sql.FirstAsync(c, null, """SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", r => r.GetString(0),
            CancellationToken.None, ("@email", email.ToUpperInvariant()))
            ?? throw new InvalidOperationException($"no account {email}: bench/load.sh makes the clinician before the ceiling starts");
        var session = await Sql.FirstAsync(c, null, """SELECT "Id" FROM "SignInSessions" WHERE "AccountId" = @id ORDER BY "ExpiresAtUtc" DESC LIMIT 1""",
            r => r.GetString(0), CancellationToken.None, ("@id", id)) ?? throw new InvalidOperationException($"{email} has no sign-in session");
        return new(id, session);
    }
}
