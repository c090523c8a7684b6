using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Routing;
using CoalitionBot.Tests.WebChannel;
using CoalitionBot.WebChannel;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionBot.Tests.SignOnPage;

/// <summary>
/// The real host with the demo coalition and its memo M-1 circulated by Cora, and personal links issued through
/// <see cref="IPersonalLinks"/> exactly as the e-mail route does (in a unit of work that is then saved).
/// </summary>
internal static class SignOnPageHost
{
    public const string Amira = "amira@hra.example.org";

    public static async Task<BotFactory> StartAsync(Dictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var all = new Dictionary<string, string?> { ["WebChannel:Demo"] = "true" };
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }

        var factory = new BotFactory(all);
        if (kestrel)
        {
            factory.UseKestrel(0);
            factory.StartServer();
        }

        var cora = Coordinator(factory, kestrel);
        var circulated = await cora.Says("circulate M-1");
        if (!circulated.Html.Contains("queued", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("circulate M-1 failed: " + circulated.Html);
        }

        return factory;
    }

    public static WebClient Coordinator(BotFactory factory, bool kestrel = false) =>
        new(kestrel ? new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress } : factory.CreateClient(), DemoCoalition.CoordinatorEmail, "Cora Coordinator");

    /// <summary>The contact's personal link to memo M-<paramref name="memo"/>, as an absolute URL.</summary>
    public static async Task<string> IssueLinkAsync(this BotFactory factory, string email, int memo = 1)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<IDataSession>();
        var ctx = await ContextAsync(data, factory.Clock);
        var contact = (await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Email == email), default))!;
        var m = (await data.FirstOrDefaultAsync(data.Memos.Where(x => x.Number == memo), default))!;
        var url = await scope.ServiceProvider.GetRequiredService<IPersonalLinks>().IssueAsync(ctx, contact, m, default);
        await ctx.SaveAsync(default);
        return url;
    }

    public static async Task<RequestContext> ContextAsync(IDataSession data, TimeProvider clock)
    {
        var coalition = await data.FirstOrDefaultAsync(data.Coalitions, default);
        var inbound = new Inbound("test:" + Guid.NewGuid().ToString("N"), new Actor(new ChatIdentity(Platform.Web, "test", "test")),
            new Place(Platform.Web, "test", "test", PlaceKind.Direct), new CommandText(""));
        return new RequestContext(inbound, data, clock, me: null, coalition);
    }

    /// <summary>The link's path (the test server answers every host name).</summary>
    public static string PathOf(string url) => new Uri(url).AbsolutePath;

    public static async Task<List<AuditEvent>> AuditAsync(this BotFactory factory, string actionPrefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<IDataSession>();
        return await data.ListAsync(data.AuditEvents.Where(e => e.Action.StartsWith(actionPrefix)).OrderBy(e => e.Id), default);
    }

    public static async Task<string> AuditCertificateCsvAsync(this BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<IDataSession>();
        var memo = (await data.FirstOrDefaultAsync(data.Memos, default))!;
        return Documents.AuditCertificate.ToCsv(await Core.Downloads.AuditTrail.ForMemoAsync(data, memo, default));
    }

    public static async Task<SignOn?> AnswerAsync(this BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<IDataSession>();
        return await data.FirstOrDefaultAsync(data.SignOns, default);
    }
}
