using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

/// <summary>What every journey does on every page: a screenshot under the test output, and an axe-core check.</summary>
public sealed class Journey(IPage page, string name)
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private int _step;

    public IPage Page { get; } = page;

    public async Task CheckAsync(string step)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        // A journey's screenshots are this run's only: an earlier run's extra steps would mislead a reviewer.
        if (_step == 0 && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{++_step:00}-{step}.png"), FullPage = true });

        // A bound on axe: its script cannot run on a page with scripts off, and an unbounded wait there hung a whole CI run.
        var result = await Page.RunAxe().WaitAsync(TimeSpan.FromSeconds(60));
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"axe on {Page.Url} ({step}): " + string.Join("; ",
            blocking.Select(v => $"{v.Id} [{v.Impact}] {v.Help}: {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }
}
