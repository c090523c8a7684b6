using Microsoft.IdentityModel.Protocols;

namespace CoalitionBot.Teams.Auth;

/// <summary>
/// Fetches the OpenID metadata and keys through IHttpClientFactory. HTTPS only, except plain http to a loopback
/// address (the in-process Bot Framework simulator in tests).
/// </summary>
internal sealed class MetadataDocumentRetriever(IHttpClientFactory httpClients) : IDocumentRetriever
{
    public const string HttpClientName = "CoalitionBot.Teams.Metadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException($"Refusing to fetch signing metadata over an insecure address: {address}");
        }

        using var response = await httpClients.CreateClient(HttpClientName).GetAsync(uri, cancel).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
