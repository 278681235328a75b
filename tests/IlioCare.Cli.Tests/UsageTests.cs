namespace IlioCare.Cli.Tests;

/// <summary>Verbs, options and help (SPEC §2: an unknown verb or option → exit 2 with usage).</summary>
public class UsageTests
{
    private const string Usage = "usage: iliocare <verb>";

    private static void AssertUsageError(IliocareRun run, string problem)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(problem, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(Usage, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_UnknownVerb_Exit2WithUsage() =>
        AssertUsageError(IliocareProcess.Run(["frobnicate"], "{}"), "unknown verb 'frobnicate'");

    [Fact]
    public void Usage_UnknownOption_Exit2WithUsage() =>
        AssertUsageError(IliocareProcess.Run(["assess", "--verbose"], "{}"), "unknown option '--verbose'");

    [Fact]
    public void Usage_NoVerb_Exit2WithUsage() =>
        AssertUsageError(IliocareProcess.Run([]), "a verb is required");

    [Fact]
    public void Usage_Help_Exit0WithUsageListingEveryVerb()
    {
        var (exit, stdout, stderr) = IliocareProcess.Run(["--help"]);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith(Usage, stdout, StringComparison.Ordinal);
        foreach (var verb in (string[])["assess", "progress", "load"])
            Assert.Contains($"  {verb} ", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("progress")]
    [InlineData("load")]
    public void Usage_VerbHelp_Exit0WithThatVerbsUsage(string verb)
    {
        var (exit, stdout, stderr) = IliocareProcess.Run([verb, "--help"]);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith($"usage: iliocare {verb} <", stdout, StringComparison.Ordinal);
        Assert.Contains("example:", stdout, StringComparison.Ordinal);
    }
}
