namespace CoalitionBot.Core.Receiving;

/// <summary>Reads a request body under a size cap, for declared lengths and chunked bodies alike.</summary>
public static class RequestBody
{
    /// <summary>
    /// The body's bytes, or null as soon as it is known to exceed <paramref name="maxBytes"/> — from the declared
    /// Content-Length without reading, or while reading a chunked body (never more than the cap plus one chunk).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? contentLength, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
