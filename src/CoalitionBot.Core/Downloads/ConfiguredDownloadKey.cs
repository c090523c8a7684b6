using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Core.Downloads;

/// <summary>
/// The key from <see cref="DownloadOptions.SigningKey"/>, or a random one for this process only (links then die
/// with the process). The host replaces this with a key kept in the database.
/// </summary>
public sealed class ConfiguredDownloadKey(IOptions<DownloadOptions> options) : IDownloadKey
{
    private readonly byte[] _key = options.Value.SigningKey is { Length: > 0 } configured
        ? Encoding.UTF8.GetBytes(configured)
        : RandomNumberGenerator.GetBytes(32);

    public ReadOnlySpan<byte> Key => _key;
}
