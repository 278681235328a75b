using IlioCare.Clinical.Program;

namespace IlioCare.Clinical.Tests.Program;

/// <summary>The sport cap's words are read by the patient on the check-in page: plain, never a source they cannot see.</summary>
public class SportAllowanceTextTests
{
    [Theory]
    [InlineData(Phase.Settle, null)]
    [InlineData(Phase.Restore, null)]
    [InlineData(Phase.Restore, 90)]
    [InlineData(Phase.Return, null)]
    [InlineData(Phase.Prevent, null)]
    public void For_EveryPhase_TextSaysNoArticleOrSpec(Phase phase, int? flareCap)
    {
        var text = SportAllowance.For(phase, flareCap, 120).Text;
        Assert.DoesNotContain("article", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SPEC", text, StringComparison.Ordinal);
        Assert.DoesNotContain("§", text, StringComparison.Ordinal);
    }
}
