using CoalitionBot.Core.Data;
using CoalitionBot.Core.Downloads;

namespace CoalitionBot.Downloads;

/// <summary>`GET /downloads/{token}`: the file a signed link names. The token is the permission, so it is checked before anything is read.</summary>
public static partial class DownloadEndpoints
{
    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.AddSingleton<StoredDownloadKey>();
        services.AddSingleton<IDownloadKey>(sp => sp.GetRequiredService<StoredDownloadKey>());
        services.AddSingleton<IPublicAddress, ServerPublicAddress>();
        return services;
    }

    public static async Task<WebApplication> MapDownloadsAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<StoredDownloadKey>().LoadAsync(app.Services, app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        var channels = app.Services.GetRequiredService<Hosting.ChannelSelection>();
        if ((channels.Slack || channels.Teams) && string.IsNullOrWhiteSpace(app.Configuration[ConfiguredPublicAddress.Key]))
        {
            // Partners open links from their own machines; the address Kestrel listens on is rarely one they can reach.
            LogNoPublicAddress(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DownloadEndpoints)));
        }

        app.MapGet(DownloadLinks.Path + "{token}", Download);
        return app;
    }

    private static async Task<IResult> Download(string token, DownloadSigner signer, IDataSession data, CoalitionScope scope, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        switch (signer.Verify(token, out var ticket))
        {
            case DownloadCheck.Invalid:
                return Results.Text("This download link is not valid: it was changed or cut short. Copy the whole link, or ask a coordinator to compile again for a new one.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            case DownloadCheck.Expired:
                return Results.Text($"This download link expired on {ticket!.Expires:yyyy-MM-dd HH:mm} UTC. Ask a coordinator to compile again for a fresh link.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status410Gone);
        }

        var file = await MemoFiles.RenderAsync(data, ticket!, clock.GetUtcNow(), ct, scope);
        if (file is null)
        {
            return Results.Text("The memo or coalition this link was made for no longer exists.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        // Exports hold user text: never let a browser run anything in them.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    [LoggerMessage(EventId = LogEvents.NoPublicAddress, Level = LogLevel.Warning, Message = "PublicBaseUrl is not set: download links will point at the address this host listens on, which Slack and Teams users usually cannot reach. Set PublicBaseUrl to the bot's public https address.")]
    private static partial void LogNoPublicAddress(ILogger logger);
}
