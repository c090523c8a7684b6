using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// Makes each file a compile answer links to once, exactly as opening its link would, so a coordinator knows every
/// file is ready (and how big) before sharing the links, and sees how far it got on a memo with hundreds of names.
/// </summary>
public sealed class FilePreparation(IDownloadFileSource files)
{
    /// <summary>The download links of an answer (the compile reply's file buttons).</summary>
    public static IReadOnlyList<Button> Links(Message message) =>
        message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons)
            .Where(b => b.ActionId == ActionIds.Download && b.Url is { } url && url.Contains(DownloadLinks.Path, StringComparison.Ordinal)).ToList();

    /// <summary>Makes the files one after the other; <paramref name="starting"/> is told before each (how many are ready, and which is next).</summary>
    public async Task<IReadOnlyList<PreparedFile>> PrepareAsync(IReadOnlyList<Button> links, Action<int, Button> starting, CancellationToken ct)
    {
        var prepared = new List<PreparedFile>(links.Count);
        foreach (var link in links)
        {
            starting(prepared.Count, link);
            try
            {
                var file = await files.FromLinkAsync(link.Url!, ct);
                prepared.Add(new PreparedFile(link.Label, file?.Content.LongLength, file is null ? "its link did not open" : null));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Shown to the coordinator, who can still try the link; the download endpoint logs its own failures.
                prepared.Add(new PreparedFile(link.Label, null, "it could not be made"));
            }
        }

        return prepared;
    }
}
