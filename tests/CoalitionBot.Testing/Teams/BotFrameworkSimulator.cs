using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Testing.Teams;

/// <summary>
/// An in-process stand-in for the Bot Framework service and the Teams connector (PROTOCOLS.md, "Microsoft Teams"):
/// OpenID metadata and keys with endorsements, a token endpoint that checks client credentials, the v3 connector
/// routes with Teams' throttles, size limit and blocked users, and a way to post signed activities to a bot.
/// </summary>
public sealed partial class BotFrameworkSimulator : IAsyncDisposable
{
    public const string Scope = "https://api.botframework.com/.default";
    public const int MaxActivityBytes = 100 * 1024;

    private readonly WebApplication app;
    private readonly SimulatorKeys keys = new();
    private readonly ConversationThrottle throttle;
    private readonly TenantThrottle tenantThrottle;
    private readonly ConcurrentDictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> conversationMembers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> blockedUsers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> roster = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> talkedToBot = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> activityIds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Status, TimeSpan? RetryAfter, string Code)> failures = new();
    private readonly List<RecordedActivity> recorded = [];
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];
    private readonly Lock gate = new();
    private int nextActivity;
    private int tokensIssued;

    private BotFrameworkSimulator(WebApplication app, BotFrameworkSimulatorOptions options)
    {
        this.app = app;
        Options = options;
        throttle = new ConversationThrottle(options.Time);
        tenantThrottle = new TenantThrottle(options.Time, options.TenantRequestsPerSecond);
    }

    public BotFrameworkSimulatorOptions Options { get; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The serviceUrl activities carry and the connector answers on (ends with "/teams/", as in Teams).</summary>
    public string ServiceUrl => new Uri(BaseUri, "teams/").ToString();

    public string OpenIdMetadataUrl => new Uri(BaseUri, "v1/.well-known/openidconfiguration").ToString();

    /// <summary>Base of the token endpoint: {TokenAuthority}/{tenant}/oauth2/v2.0/token.</summary>
    public string TokenAuthority => BaseUri.ToString().TrimEnd('/');

    /// <summary>When false the metadata and key endpoints answer 503, as during an outage.</summary>
    public bool MetadataAvailable { get; set; } = true;

    public int TokensIssued => Volatile.Read(ref tokensIssued);

    public IReadOnlyList<RecordedActivity> Activities
    {
        get
        {
            lock (gate)
            {
                return [.. recorded];
            }
        }
    }

    /// <summary>Member id (29: or Entra object id) of each 1:1 chat the bot opened, by conversation id.</summary>
    public IReadOnlyDictionary<string, string> CreatedConversations => conversationMembers;

    public static async Task<BotFrameworkSimulator> StartAsync(BotFrameworkSimulatorOptions? options = null)
    {
        options ??= new BotFrameworkSimulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var simulator = new BotFrameworkSimulator(app, options);
        simulator.Map();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return simulator;
    }

    /// <summary>A Bearer token as Bot Framework would put on an activity, or a wrong one.</summary>
    public string IssueToken(TokenFlavour flavour = TokenFlavour.Valid, string? serviceUrl = null) =>
        keys.Issue(flavour, Options.AppId, serviceUrl ?? ServiceUrl, Options.Time.GetUtcNow());

    /// <summary>Posts an activity to the bot's messaging endpoint with a token of the given flavour (null: no Authorization header).</summary>
    public async Task<HttpResponseMessage> SendActivityAsync(HttpClient client, Uri messagesEndpoint, JsonObject activity, TokenFlavour? flavour = TokenFlavour.Valid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, messagesEndpoint)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (flavour is { } f)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IssueToken(f, activity["serviceUrl"]?.GetValue<string>()));
        }

        // Whoever wrote to the bot shares a conversation with it (or has it installed): the bot may open a 1:1 chat with them.
        foreach (var key in new[] { "id", "aadObjectId" })
        {
            if (activity["from"]?[key]?.GetValue<string>() is { Length: > 0 } id)
            {
                talkedToBot[id] = 0;
            }
        }

        return await client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts a person of the tenant who has the app installed (they can chat with the bot) in the roster: the members
    /// endpoints then answer with their name, object id and e-mail, found by their 29: id or their Entra object id, and
    /// the bot may open a 1:1 chat with them. Such a person counts as a member of every conversation; people in teams
    /// are modelled with <see cref="AddTeam"/>.
    /// </summary>
    public void AddMember(string memberId, string aadObjectId, string name, string email)
    {
        var member = new JsonObject
        {
            ["id"] = memberId,
            ["name"] = name,
            ["aadObjectId"] = aadObjectId,
            ["email"] = email,
            ["userPrincipalName"] = email,
            ["tenantId"] = Options.TenantId,
        };
        roster[memberId] = member;
        roster[aadObjectId] = member;
    }

    /// <summary>From now on, writes to this user's chats fail with 403 (the user blocked or removed the app).</summary>
    public void BlockUser(string memberId) => blockedUsers[memberId] = 0;

    /// <summary>The next connector write fails with this status (429 with Retry-After, 502, …).</summary>
    public void FailNextWrite(int status, TimeSpan? retryAfter = null, string code = "ServiceError") => failures.Enqueue((status, retryAfter, code));

    /// <summary>Waits until at least <paramref name="count"/> activities were recorded (no polling, no sleeps).</summary>
    public Task WaitForActivitiesAsync(int count, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (recorded.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        keys.Dispose();
    }

    private void Map()
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => MetadataAvailable
            ? Results.Json(new JsonObject
            {
                ["issuer"] = SimulatorKeys.Issuer,
                ["authorization_endpoint"] = new Uri(BaseUri, "v1/authorize").ToString(),
                ["jwks_uri"] = new Uri(BaseUri, "v1/.well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            })
            : Results.StatusCode(503));
        app.MapGet("/v1/.well-known/keys", () => MetadataAvailable ? Results.Json(keys.KeySet()) : Results.StatusCode(503));
        app.MapPost("/{tenant}/oauth2/v2.0/token", Token);

        var connector = app.MapGroup("/teams/v3/conversations");
        connector.AddEndpointFilter(TenantBudget);
        connector.MapPost("/", (Delegate)(Func<HttpContext, Task<IResult>>)CreateConversation);
        connector.MapPost("/{conversationId}/activities", (HttpContext c, string conversationId) => Write(c, "POST", conversationId, null));
        connector.MapPost("/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => Write(c, "REPLY", conversationId, activityId));
        connector.MapPut("/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => Write(c, "PUT", conversationId, activityId));
        connector.MapDelete("/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => Write(c, "DELETE", conversationId, activityId));
        connector.MapGet("/{conversationId}/members", (HttpContext c, string conversationId) => Members(c, conversationId, null));
        connector.MapGet("/{conversationId}/members/{memberId}", (HttpContext c, string conversationId, string memberId) => Members(c, conversationId, memberId));
        connector.MapGet("/{conversationId}/pagedmembers", (HttpContext c, string conversationId) => PagedMembers(c, conversationId));
        app.MapGet("/teams/v3/teams/{teamId}/conversations", (HttpContext c, string teamId) => TeamChannels(c, teamId));
    }

    private async Task<IResult> Token(HttpContext context, string tenant)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        if (!string.Equals(tenant, Options.TenantId, StringComparison.OrdinalIgnoreCase) && tenant != "botframework.com")
        {
            return OAuthError(400, "invalid_request", "AADSTS90002: Tenant not found.");
        }

        if (form["grant_type"] != "client_credentials")
        {
            return OAuthError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }

        if (form["scope"] != Scope)
        {
            return OAuthError(400, "invalid_scope", "AADSTS70011: The provided value for the input parameter 'scope' is not valid.");
        }

        if (form["client_id"] != Options.AppId || form["client_secret"] != Options.AppPassword)
        {
            return OAuthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        var token = "sim-access-" + Guid.NewGuid().ToString("N");
        accessTokens[token] = Options.Time.GetUtcNow().AddHours(1);
        Interlocked.Increment(ref tokensIssued);
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = token,
        });
    }

    private bool Authorised(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && accessTokens.TryGetValue(header["Bearer ".Length..], out var expires)
            && Options.Time.GetUtcNow() < expires;
    }

    private void Record(RecordedActivity activity)
    {
        lock (gate)
        {
            recorded.Add(activity);
            foreach (var waiter in waiters.Where(w => recorded.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);

    private static IResult ConnectorError(int status, string code, string message, TimeSpan? retryAfter = null) =>
        new ConnectorErrorResult(status, code, message, retryAfter);
}
