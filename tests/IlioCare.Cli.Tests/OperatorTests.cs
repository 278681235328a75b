using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Cli.Tests;

/// <summary>
/// <c>iliocare migrate | backup | restore</c> run as real processes against real SQLite and PostgreSQL: a backup
/// restored over changed data brings back every table's rows exactly.
/// </summary>
public class OperatorTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task BackupThenRestore_BringsBackEveryTableExactly(string provider)
    {
        using var database = new OperatorDatabase(provider);
        var args = (string[])["--provider", provider, "--connection", database.Connection];
        AssertDone(IliocareProcess.Run(["migrate", .. args]), "Applied");
        AssertDone(IliocareProcess.Run(["migrate", .. args]), "up to date");
        await SeedPatientAsync(database);
        var before = await database.SnapshotAsync();
        Assert.True(before.Count >= 10, $"expected the whole schema, got {string.Join(", ", before.Keys)}");

        var backup = Path.Combine(database.Folder, "backup", "iliocare.backup");
        AssertDone(IliocareProcess.Run(["backup", .. args, "--out", backup]), "Backed up");
        Assert.False(File.Exists(backup + ".partial"));

        await using (var db = database.Open())
        {
            await db.PatientProfiles.ExecuteDeleteAsync();
            await db.Assessments.ExecuteUpdateAsync(s => s.SetProperty(a => a.ResultJson, "{}"));
            db.Users.Add(new Account { UserName = "later@example.com", Email = "later@example.com", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        Assert.NotEqual(before, await database.SnapshotAsync());

        AssertDone(IliocareProcess.Run(["restore", .. args, "--from", backup]), "Restored");
        var after = await database.SnapshotAsync();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (table, rows) in before)
            Assert.True(rows.SequenceEqual(after[table]), $"{table}: {rows.Count} rows before, {after[table].Count} after, or their contents differ");
        Assert.Single(before["PatientProfiles"]); // the comparison was over real rows
    }

    [Fact]
    public void Backup_NeverOverwritesAFile()
    {
        using var database = new OperatorDatabase("sqlite");
        var args = (string[])["--provider", "sqlite", "--connection", database.Connection];
        AssertDone(IliocareProcess.Run(["migrate", .. args]), "Applied");
        var existing = Path.Combine(database.Folder, "existing.backup");
        File.WriteAllText(existing, "keep me");

        var run = IliocareProcess.Run(["backup", .. args, "--out", existing]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already exists", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void Restore_FromAFileThatIsNotABackup_FailsAndChangesNothing()
    {
        using var database = new OperatorDatabase("sqlite");
        var args = (string[])["--provider", "sqlite", "--connection", database.Connection];
        AssertDone(IliocareProcess.Run(["migrate", .. args]), "Applied");
        var junk = Path.Combine(database.Folder, "junk.backup");
        File.WriteAllText(junk, "not a database at all, but long enough to have a header of one hundred bytes......................");

        var run = IliocareProcess.Run(["restore", .. args, "--from", junk]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a", run.Stderr, StringComparison.Ordinal);
        AssertDone(IliocareProcess.Run(["migrate", .. args]), "up to date"); // still the migrated database
    }

    [Theory]
    [InlineData("--out is required", "backup", "--provider", "sqlite", "--connection", "Data Source=x.db")]
    [InlineData("--from is required", "restore", "--provider", "sqlite", "--connection", "Data Source=x.db")]
    [InlineData("--provider must be sqlite or postgres, not 'mysql'", "migrate", "--provider", "mysql", "--connection", "Server=x")]
    [InlineData("unknown option '--force'", "backup", "--force", "--out", "x")]
    [InlineData("--connection needs a value", "migrate", "--connection")]
    [InlineData("--connection is required", "migrate", "--provider", "sqlite")]
    public void Operator_UsageErrors_Exit2WithTheVerbsUsage(string problem, params string[] args)
    {
        // Outside the repository, where no web app's database is found without --connection (WebAppDefaultsTests).
        var run = IliocareProcess.RunIn(Path.GetTempPath(), args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(problem, run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"usage: iliocare {args[0]} --provider", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("backup")]
    [InlineData("restore")]
    public void Operator_Help_Exit0WithTheVerbsUsage(string verb)
    {
        var (exit, stdout, stderr) = IliocareProcess.Run([verb, "--help"]);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith($"usage: iliocare {verb} --provider", stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_ListsTheOperatorCommands()
    {
        var stdout = IliocareProcess.Run(["--help"]).Stdout;
        foreach (var verb in (string[])["migrate", "backup", "restore"])
            Assert.Contains($"  {verb} ", stdout, StringComparison.Ordinal);
    }

    private static void AssertDone(IliocareRun run, string expected)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A patient as the app stores one: account, profile, assessment, a check-in, a program state.</summary>
    private static async Task SeedPatientAsync(OperatorDatabase database)
    {
        await using var db = database.Open();
        var now = new DateTime(2026, 11, 20, 8, 30, 15, 123, DateTimeKind.Utc);
        var account = new Account { UserName = "patient@example.com", Email = "patient@example.com", CreatedAtUtc = now };
        var assessment = new AssessmentRecord
        {
            Id = Guid.NewGuid(), AccountId = account.Id, TakenAtUtc = now, Triage = TriageLevel.SelfCare, StartPhase = Phase.Restore,
            InputJson = """{"age":34,"side":"left","symptomDays":10,"painNow":3,"painWorst":5,"flags":[]}""",
            ResultJson = """{"triage":"self-care","reasons":[],"patterns":[],"startPhase":"restore","disclaimer":"é ✓"}""",
        };
        db.Users.Add(account);
        db.Assessments.Add(assessment);
        db.PatientProfiles.Add(new PatientProfile
        {
            AccountId = account.Id, AgeAtSignUp = 34, TermsAcceptedAtUtc = now, CreatedAtUtc = now, OnboardedAtUtc = now,
            Side = Side.Left, Sports = new HashSet<Activity> { Activity.Running, Activity.Cycling }, PreInjuryWeeklyMinutes = 180,
            TimeZoneId = "Europe/Paris", AssessmentId = assessment.Id,
        });
        db.CheckIns.Add(new CheckInRecord
        {
            AccountId = account.Id, Date = new DateOnly(2026, 11, 20), PainMorning = 2, PainNow = 1, StiffnessMinutes = 10,
            SportMinutes = new Dictionary<Activity, int> { [Activity.Running] = 20 }, CreatedAtUtc = now, UpdatedAtUtc = now,
        });
        db.ProgramStates.Add(new ProgramStateRecord
        {
            AccountId = account.Id, EffectiveOn = new DateOnly(2026, 11, 20), Phase = Phase.Restore, CountsFrom = new DateOnly(2026, 11, 20),
            Move = PhaseMove.Stay, Reason = "start", SetBy = "system", RecordedAtUtc = now,
        });
        await db.SaveChangesAsync();
    }
}
