using System.Text.Json;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Cli.Tests;

/// <summary>
/// Issue 18: the README's first-clinician command, run from the repository root with no database options, must
/// write the database the web app uses by default (<c>src/IlioCare.Web/data/iliocare.db</c>), and the other
/// operator commands must find it (and the audit key file beside it) too. Each test builds a stand-in checkout in a
/// temp folder (the project file is all the CLI looks for), so the developer's real database is never touched.
/// </summary>
public sealed class WebAppDefaultsTests : IDisposable
{
    private const string Password = "a long staff password";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "iliocare-cli-root", Guid.NewGuid().ToString("N"));

    public WebAppDefaultsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "src", "IlioCare.Web"));
        Directory.CreateDirectory(Path.Combine(_root, "src", "IlioCare.Cli"));
        File.WriteAllText(Path.Combine(_root, "src", "IlioCare.Web", "IlioCare.Web.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
    }

    private string WebDatabase => Path.Combine(_root, "src", "IlioCare.Web", "data", "iliocare.db");

    [Fact]
    public async Task ReadmeCommand_FromTheRepositoryRoot_CreatesTheClinicianInTheWebAppsDatabase()
    {
        var run = IliocareProcess.RunIn(_root, ["create-clinician", "--email", "dr@example.org", "--name", "Dr Ana Silva"], Password + "\n");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Created the clinician dr@example.org", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(WebDatabase, run.Stderr, StringComparison.Ordinal); // says which file it used
        Assert.True(File.Exists(WebDatabase));
        await using var db = Open();
        var account = await db.Users.SingleAsync(u => u.Email == "dr@example.org");
        Assert.Equal("Dr Ana Silva", account.DisplayName);
    }

    [Fact]
    public async Task FromAFolderBelowTheRoot_TheSameDatabaseIsFound_ByEveryCommand()
    {
        var below = Path.Combine(_root, "src", "IlioCare.Cli"); // where `dotnet run --project src/IlioCare.Cli` may start it
        Assert.Equal(0, IliocareProcess.RunIn(_root, ["create-admin", "--email", "ops@example.org", "--name", "Ops"], Password + "\n").ExitCode);
        var second = IliocareProcess.RunIn(below, ["create-clinician", "--email", "dr.two@example.org", "--name", "Dr Two"], Password + "\n");
        Assert.True(second.ExitCode == 0, second.Stderr);
        await using (var db = Open())
            Assert.Equal(2, await db.Users.CountAsync());

        var migrate = IliocareProcess.RunIn(below, ["migrate"]);
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.Contains("up to date", migrate.Stdout, StringComparison.Ordinal);

        var backup = Path.Combine(_root, "backup.db");
        Assert.Equal(0, IliocareProcess.RunIn(_root, ["backup", "--out", backup]).ExitCode);
        Assert.True(new FileInfo(backup).Length > 0);
    }

    [Fact]
    public void AuditVerify_FromTheRoot_UsesTheWebAppsKeyFile()
    {
        Assert.Equal(0, IliocareProcess.RunIn(_root, ["migrate"]).ExitCode);
        var noKey = IliocareProcess.RunIn(_root, ["audit-verify"]);
        Assert.Equal(2, noKey.ExitCode); // no data/audit.key yet (the web app makes it on its first start)
        Assert.Contains("the audit key is required", noKey.Stderr, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_root, "src", "IlioCare.Web", "data", "audit.key"), Convert.ToBase64String(new byte[32]));
        var verified = IliocareProcess.RunIn(_root, ["audit-verify"]);
        Assert.True(verified.ExitCode == 0, verified.Stderr);
        Assert.Contains("Intact", verified.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitOptions_StillWin_OverTheWebAppsDatabase()
    {
        var elsewhere = Path.Combine(_root, "elsewhere.db");
        var run = IliocareProcess.RunIn(_root, ["migrate", "--provider", "sqlite", "--connection", $"Data Source={elsewhere}"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(elsewhere));
        Assert.False(File.Exists(WebDatabase));
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Postgres_WithoutAConnection_IsAUsageError()
    {
        var run = IliocareProcess.RunIn(_root, ["migrate", "--provider", "postgres"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--connection is required for postgres", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The CLI's idea of the web app's default is the web app's own setting (appsettings.json), not a copy that can drift.</summary>
    [Fact]
    public void TheWebAppsConfiguredDefault_IsTheFileTheCliLooksFor()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "src", "IlioCare.Web", "appsettings.json"))) folder = folder.Parent;
        Assert.NotNull(folder);
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "src", "IlioCare.Web", "appsettings.json")));
        Assert.Equal("Data Source=data/iliocare.db", settings.RootElement.GetProperty("ConnectionStrings").GetProperty("IlioCare").GetString());
    }

    private IlioCareDbContext Open()
    {
        var options = new DbContextOptionsBuilder<IlioCareDbContext>();
        options.UseIlioCareDatabase("sqlite", $"Data Source={WebDatabase};Pooling=False");
        return new(options.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { /* best effort in temp */ }
    }
}
