using CoalitionBot.Documents;

namespace CoalitionBot.Core.Dashboard;

/// <summary>Where the memo cards of one circulation are: delivered, failed, still being sent, held for later (quiet hours).</summary>
public sealed record CirculationProgress(int Delivered, int Failed, int Sending, int Later)
{
    public int Total => Delivered + Failed + Sending + Later;

    /// <summary>Nothing is being sent right now: all delivered or failed, or held until later.</summary>
    public bool Settled => Sending == 0;

    /// <summary>"Circulating M-1: 120 of 500 messages delivered, 2 failed, 40 held until later" — or "Circulated M-1: …" when settled.</summary>
    public string Describe(string memoCode) =>
        $"{(Settled ? "Circulated" : "Circulating")} {memoCode}: {Delivered} of {Counted.Of(Total, "message")} delivered"
        + (Failed > 0 ? $", {Failed} failed (see Delivery health)" : "")
        + (Later > 0 ? $", {Later} held until later (quiet hours)" : "")
        + (Settled ? "." : "…");
}
