using System.Security.Cryptography;
using System.Text;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Downloads;

/// <summary>
/// The download-link key: "Downloads:SigningKey" when configured, otherwise one generated at first start and kept
/// in the database, so links survive restarts and every instance behind a load balancer accepts them.
/// </summary>
public sealed class StoredDownloadKey(IOptions<DownloadOptions> options) : IDownloadKey
{
    private byte[]? _key;

    public ReadOnlySpan<byte> Key => _key ?? throw new InvalidOperationException("The download key is loaded at start (MapDownloadsAsync) before links are made.");

    public async Task LoadAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        if (options.Value.SigningKey is { Length: > 0 } configured)
        {
            _key = Encoding.UTF8.GetBytes(configured);
            return;
        }

        for (var attempt = 0; _key is null; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            var stored = await db.HostSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == HostSecret.DownloadSigningKey, ct);
            if (stored is not null)
            {
                _key = Encoding.UTF8.GetBytes(stored.Value);
                break;
            }

            db.HostSecrets.Add(new HostSecret { Name = HostSecret.DownloadSigningKey, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another instance stored its key first: read that one, so all instances agree.
            }
        }
    }
}
