using System.Text.RegularExpressions;

namespace IlioCare.Cli.Tests;

/// <summary>The commands a newcomer copies — from README.md and from each verb's <c>--help</c> — work as written.</summary>
public partial class DocumentedExamplesTests
{
    [GeneratedRegex("""echo '(?<json>[^']*)' \| dotnet run --project src/IlioCare\.Cli -- (?<verb>[a-z]+)""")]
    private static partial Regex ReadmeExample();

    [GeneratedRegex("""echo '(?<json>[^']*)' \| iliocare (?<verb>[a-z]+)""")]
    private static partial Regex HelpExample();

    private static void AssertWorks(string verb, string json)
    {
        var (exit, stdout, stderr) = IliocareProcess.Run([verb], json);

        Assert.True(exit == 0, $"iliocare {verb} < '{json}' exited {exit}: {stderr}");
        Assert.Equal("", stderr);
        Json.Object(stdout);
    }

    [Fact]
    public void Readme_EveryIliocareExample_Works()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var examples = ReadmeExample().Matches(readme);

        Assert.NotEmpty(examples);
        foreach (Match m in examples) AssertWorks(m.Groups["verb"].Value, m.Groups["json"].Value);
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("progress")]
    [InlineData("load")]
    public void Help_VerbExample_Works(string verb)
    {
        var help = IliocareProcess.Run([verb, "--help"]).Stdout;
        var example = HelpExample().Match(help);

        Assert.True(example.Success, $"no example in `iliocare {verb} --help`");
        Assert.Equal(verb, example.Groups["verb"].Value);
        AssertWorks(verb, example.Groups["json"].Value);
    }

    /// <summary>The directory holding IlioCare.slnx, found by walking up from the test binaries.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IlioCare.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"IlioCare.slnx not found above {AppContext.BaseDirectory}");
    }
}
