using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Core.Tests.Coalitions;

/// <summary>
/// One deployment, two coalitions set up in chat. Alpha (the first): Cora coordinates; Sam of "Alpha Only Org" and
/// Amira of The Human Rights Advocates are partners; M-1 circulated, M-2 a draft, both carrying <see cref="Secret"/>.
/// Beta, started by Cora with `setup`: Bea coordinates with her; Amira is a partner there too; its M-1 is circulated.
/// Cora ends on Alpha (`coalition use`); Amira has not picked either.
/// </summary>
internal sealed class TwoCoalitions : IAsyncDisposable
{
    public const string Alpha = "Rights Before Arms";
    public const string Beta = "Water For All";
    public const string Secret = "ALPHA-SECRET-7731";
    public const string AlphaOnlyOrg = "Alpha Only Org";

    private TwoCoalitions(TestBot bot)
    {
        Bot = bot;
        Cora = bot.Person("Cora Coordinator", "cora@coalition.org");
        Bea = bot.Person("Bea Beta", "bea@beta.org");
        Amira = bot.Person("Amira Haddad", "amira@hra.org");
        Sam = bot.Person("Sam Lee", "sam@alpha-only.org");
    }

    public TestBot Bot { get; }

    public Person Cora { get; }

    public Person Bea { get; }

    public Person Amira { get; }

    public Person Sam { get; }

    public static async Task<TwoCoalitions> StartAsync()
    {
        var world = new TwoCoalitions(await TestBot.StartAsync());
        var (cora, amira) = (world.Cora, world.Amira);
        await cora.Says($"setup {Alpha}");
        await cora.Says($"partners add {AlphaOnlyOrg} | International | United Kingdom");
        await cora.Says("partners add The Human Rights Advocates | International | United Kingdom");
        await cora.Says($"partners link {AlphaOnlyOrg} | Sam Lee | sam@alpha-only.org");
        await cora.Says("partners link The Human Rights Advocates | Amira Haddad | amira@hra.org");
        await world.Sam.Says("help");
        await amira.Says("help");
        await cora.Says($"new {Secret} first memo | The Minister | 2026-11-20 17:00\nWe urge you ({Secret}).");
        await cora.Says("circulate M-1");
        await cora.Says($"new {Secret} second memo | The Minister | 2026-11-25 17:00\nMore ({Secret}).");

        Expect("is set up and you are its coordinator", await cora.Says($"setup {Beta}"));
        await cora.Says("coordinators add Bea Beta | bea@beta.org");
        await cora.Says("partners add The Human Rights Advocates | International | United Kingdom");
        await cora.Says("partners link The Human Rights Advocates | Amira Haddad | amira@hra.org");
        await amira.Says("help"); // her chat identity is linked to her contact in Beta too
        await cora.Says("new Beta water memo | The Mayor | 2026-11-22 17:00\nClean water for every district.");
        Expect("queued", await cora.Says("circulate M-1"));
        Expect($"now for \"{Alpha}\"", await cora.Says($"coalition use {Alpha}"));
        await world.Bea.Says("help");
        await world.Bot.DeliverAsync();
        return world;
    }

    /// <summary>Everything of Alpha that any change would show: memos, versions, answers, comments, partners, contacts, links, deliveries, audit.</summary>
    public Task<string> AlphaSnapshotAsync() => Bot.QueryAsync(async db =>
    {
        var id = await db.Coalitions.Where(c => c.Name == Alpha).Select(c => c.Id).SingleAsync();
        var memos = await db.Memos.Where(m => m.CoalitionId == id).OrderBy(m => m.Number).ToListAsync();
        var memoIds = memos.Select(m => m.Id).ToList();
        var parts = new List<string>
        {
            string.Join(";", memos.Select(m => $"{m.Number}:{m.Title}:{m.Status}:{m.CurrentVersion}:{m.Deadline:O}:{m.Mode}:{m.LatePolicy}:{m.ReminderOffsets}")),
            (await db.Coalitions.SingleAsync(c => c.Id == id)) is var c ? $"{c.Name}:{string.Join(",", c.Categories)}:{c.Culture}:{c.TimeZone}:{c.ReminderOffsets}" : "",
            string.Join(";", (await db.Organisations.Where(o => o.CoalitionId == id).OrderBy(o => o.Name).ToListAsync()).Select(o => $"{o.Name}:{o.Category}:{o.Country}:{string.Join(",", o.Aliases)}")),
            string.Join(";", (await db.Contacts.Where(x => x.CoalitionId == id).OrderBy(x => x.Email).ToListAsync()).Select(x => $"{x.Email}:{x.IsCoordinator}:{x.OrganisationId}:{x.IsAuthorisedSigner}")),
            $"versions {await db.Versions.CountAsync(v => memoIds.Contains(v.MemoId))}",
            $"signons {await db.SignOns.CountAsync(s => memoIds.Contains(s.MemoId))}",
            $"comments {await db.Comments.CountAsync(x => memoIds.Contains(x.MemoId))}",
            $"snoozes {await db.Snoozes.CountAsync(x => memoIds.Contains(x.MemoId))}",
            $"links {await db.PersonalLinks.CountAsync(x => x.CoalitionId == id)} {await db.CoalitionLinks.CountAsync(x => x.CoalitionId == id)}",
            $"deliveries {await db.Deliveries.CountAsync(x => x.CoalitionId == id)}",
            $"audit {await db.AuditEvents.CountAsync(x => x.CoalitionId == id)}",
        };
        return string.Join("\n", parts);
    });

    public Task<Guid> CoalitionIdAsync(string name) => Bot.QueryAsync(db => db.Coalitions.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    public Task<Memo> MemoAsync(string coalition, int number) =>
        Bot.QueryAsync(db => db.Memos.SingleAsync(m => m.Number == number && db.Coalitions.Any(c => c.Id == m.CoalitionId && c.Name == coalition)));

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    private static void Expect(string text, BotReply reply)
    {
        if (!reply.Text.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected \"{text}\" in: {reply.Text}");
        }
    }
}
