using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using IlioCare.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace IlioCare.Cli.Tests;

/// <summary>
/// <c>iliocare create-admin | create-clinician | export | seed-demo | audit-verify</c> (F17) run as real
/// processes on a real database: what they store, what they print, and exit 2 with one line per bad option.
/// </summary>
public class OperatorAccountTests
{
    private const string Password = "a long staff password";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task CreateClinician_TheAccountExists_WithTheRole_AndThePasswordFromStdin(string provider)
    {
        using var database = new OperatorDatabase(provider);
        var args = Migrated(database);

        var run = IliocareProcess.Run(["create-clinician", .. args, "--email", "dr.lee@example.org", "--name", "Dr Lee"], Password + "\n");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Created the clinician dr.lee@example.org", run.Stdout, StringComparison.Ordinal);
        await using var db = database.Open();
        var account = await db.Users.SingleAsync(u => u.Email == "dr.lee@example.org");
        Assert.Equal("Dr Lee", account.DisplayName);
        var roles = await db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([Roles.Clinician], roles);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<IlioCare.Data.Account>().VerifyHashedPassword(account, account.PasswordHash!, Password));

        // The same e-mail again is refused (exit 1), and nothing changes.
        var again = IliocareProcess.Run(["create-admin", .. args, "--email", "dr.lee@example.org", "--name", "Someone"], Password + "\n");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public void CreateAdmin_WeakPassword_IsRefused_WithIdentitysRule()
    {
        using var database = new OperatorDatabase("sqlite");
        var run = IliocareProcess.Run(["create-admin", .. Migrated(database), "--email", "ops@example.org", "--name", "Ops"], "short\n");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("at least 8 characters", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "create-clinician", "--email", "x@example.org", "--name", "X")]
    [InlineData("x", "create-clinician", "--bogus", "1", "--mail", "x@example.org")]
    [InlineData("", "export", "--email", "a@example.org", "--id", "1", "--format", "xml")]
    [InlineData("", "export", "--format", "fhir", "--extra")]
    [InlineData("", "audit-verify", "--audit-key", "k")]
    public void BadOptions_Exit2_OneStderrLinePerProblem_NothingOnStdout(string stdin, params string[] args)
    {
        string[] expected = args[0] switch
        {
            "create-clinician" when stdin == "" => ["the password must be on the first line of stdin"],
            "create-clinician" => ["unknown option '--bogus'", "unknown option '--mail'", "--email is required", "--name is required"],
            "export" when args.Contains("xml") => ["give exactly one of --email and --id", "--format must be fhir or json, not 'xml'"],
            "export" => ["unknown option '--extra'", "give exactly one of --email and --id"],
            _ => ["unknown option '--audit-key'", "the audit key is required"],
        };
        // From a folder outside the repository: inside it, audit-verify finds the web app's own data/audit.key once the
        // app has run there (README's first command), and "the audit key is required" would not be said.
        var outside = Directory.CreateTempSubdirectory("iliocare-cli-").FullName;
        var run = IliocareProcess.RunIn(outside, [.. args, "--provider", "sqlite", "--connection", "Data Source=/nonexistent/never-opened.db"], stdin);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var problems = run.StderrLines.Where(l => l.StartsWith($"iliocare {args[0]}: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected.Length, problems.Length);
        foreach (var (line, problem) in problems.Zip(expected))
            Assert.Contains(problem, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_ThenExport_PrintsABundleThatParses_AndTheJsonExport()
    {
        using var database = new OperatorDatabase("sqlite");
        var args = Migrated(database);
        var seeded = IliocareProcess.Run(["seed-demo", .. args]);
        Assert.True(seeded.ExitCode == 0, seeded.Stderr);
        Assert.Contains("Seeded the demo patient", seeded.Stdout, StringComparison.Ordinal);
        Assert.Contains("exists already", IliocareProcess.Run(["seed-demo", .. args]).Stdout, StringComparison.Ordinal);
        string id;
        int checkIns;
        await using (var db = database.Open())
        {
            id = (await db.Users.SingleAsync()).Id;
            checkIns = await db.CheckIns.CountAsync(c => c.AccountId == id);
        }
        Assert.True(checkIns >= 14, $"{checkIns} check-ins seeded");

        var export = IliocareProcess.Run(["export", .. args, "--id", id]);
        Assert.True(export.ExitCode == 0, export.Stderr);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(export.Stdout);
        var patient = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Patient>());
        Assert.Equal(id, patient.Identifier[0].Value);
        Assert.Equal(2 * checkIns, bundle.Entry.Select(e => e.Resource).OfType<Observation>()
            .Count(o => o.Code.Coding.Any(c => c.Code == "72514-3")));
        Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<CarePlan>());
        Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>());

        var file = Path.Combine(database.Folder, "out", "demo.json");
        Assert.Equal(0, IliocareProcess.Run(["export", .. args, "--email", "demo@iliocare.local", "--format", "json", "--out", file]).ExitCode);
        using (var json = JsonDocument.Parse(File.ReadAllText(file)))
            Assert.Equal(checkIns, json.RootElement.GetProperty("checkIns").GetArrayLength());
        var twice = IliocareProcess.Run(["export", .. args, "--email", "demo@iliocare.local", "--out", file]);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already exists", twice.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, IliocareProcess.Run(["export", .. args, "--email", "nobody@example.org"]).ExitCode);
    }

    [Fact]
    public async Task AuditVerify_Intact_ThenBrokenRow_Exit1()
    {
        using var database = new OperatorDatabase("sqlite");
        var args = Migrated(database);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var keyFile = Path.Combine(database.Folder, "audit.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(key));
        await using (var db = database.Open())
            for (var i = 1; i <= 3; i++)
                await new AuditTrail(key).RecordAsync(db, "clinician", "patient-" + i, AuditAction.ReadPatient, null, DateTime.UtcNow, default);

        var intact = IliocareProcess.Run(["audit-verify", .. args, "--audit-key-file", keyFile]);
        Assert.True(intact.ExitCode == 0, intact.Stderr);
        Assert.Contains("Intact: 3 rows checked; last sequence 3", intact.Stdout, StringComparison.Ordinal);

        await using (var db = database.Open())
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Action" = 'read:nothing' WHERE "Sequence" = 2""");
        var broken = IliocareProcess.Run(["audit-verify", .. args, "--audit-key-file", keyFile]);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("BROKEN at row 2", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_NewestRowsCutOff_Exit1()
    {
        // Issue 13 finding 9 (ADR-0010): the signed checkpoint remembers where the log ended.
        using var database = new OperatorDatabase("sqlite");
        var args = Migrated(database);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var keyFile = Path.Combine(database.Folder, "audit.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(key));
        await using (var db = database.Open())
        {
            for (var i = 1; i <= 3; i++)
                await new AuditTrail(key).RecordAsync(db, "clinician", "patient-" + i, AuditAction.ReadPatient, null, DateTime.UtcNow, default);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" WHERE "Sequence" = 3""");
        }
        var broken = IliocareProcess.Run(["audit-verify", .. args, "--audit-key-file", keyFile]);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("BROKEN at row 3: rows 3 to 3 are missing: the newest rows were cut off", broken.Stderr, StringComparison.Ordinal);
    }

    private static string[] Migrated(OperatorDatabase database)
    {
        var args = (string[])["--provider", database.Provider, "--connection", database.Connection];
        var run = IliocareProcess.Run(["migrate", .. args]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return args;
    }
}
