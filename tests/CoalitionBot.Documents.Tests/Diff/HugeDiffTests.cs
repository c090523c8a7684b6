using CoalitionBot.Documents;
using Xunit;

namespace CoalitionBot.Documents.Tests.Diff;

public sealed class HugeDiffTests
{
    [Fact]
    public void Compare_TwoHundredKilobytesOfTinyParagraphs_FinishesWithoutAHugeTable()
    {
        var old = string.Join("\n\n", Enumerable.Range(0, 30_000).Select(i => "p" + i));
        var changed = string.Join("\n\n", Enumerable.Range(0, 30_000).Select(i => i == 15_000 ? "changed" : "p" + i));
        var comparison = MemoDiff.Compare(MemoDocument.Parse(old), MemoDocument.Parse(changed));
        Assert.Contains("§15001", comparison.Summary);
    }
}
