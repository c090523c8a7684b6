using CoalitionBot.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Core.Downloads;

/// <summary>Verifies the link's signature and expiry exactly as the download endpoint does, then builds the file.</summary>
public sealed class DownloadFileSource(IServiceScopeFactory scopes, DownloadSigner signer, TimeProvider clock) : IDownloadFileSource
{
    public async Task<DownloadFile?> FromLinkAsync(string url, CancellationToken cancellationToken)
    {
        var at = url.LastIndexOf(DownloadLinks.Path, StringComparison.Ordinal);
        if (at < 0 || signer.Verify(url[(at + DownloadLinks.Path.Length)..], out var ticket) != DownloadCheck.Valid || ticket is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await MemoFiles.RenderAsync(scope.ServiceProvider.GetRequiredService<IDataSession>(), ticket, clock.GetUtcNow(), cancellationToken);
    }
}
