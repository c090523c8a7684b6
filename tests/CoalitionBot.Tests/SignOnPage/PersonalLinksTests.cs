using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Reach;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CoalitionBot.Tests.SignOnPage.SignOnPageHost;

namespace CoalitionBot.Tests.SignOnPage;

/// <summary>Personal links as the e-mail route uses them: one per contact and memo, stored only as a hash, expiring with the memo.</summary>
public sealed class PersonalLinksTests
{
    [Fact]
    public async Task IssueAsync_TwiceInOneUnitOfWork_StoresOneLinkAndReturnsItsUrlBothTimes()
    {
        await using var factory = await StartAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<IDataSession>();
        var links = scope.ServiceProvider.GetRequiredService<IPersonalLinks>();
        var ctx = await ContextAsync(data, factory.Clock);
        var amira = (await data.FirstOrDefaultAsync(data.Contacts.Where(c => c.Email == Amira), default))!;
        var memo = (await data.FirstOrDefaultAsync(data.Memos, default))!;

        var first = await links.IssueAsync(ctx, amira, memo, default);
        var second = await links.IssueAsync(ctx, amira, memo, default);
        await ctx.SaveAsync(default);

        Assert.Equal(first, second);
        var stored = Assert.Single(await data.ListAsync(data.PersonalLinks, default));
        Assert.DoesNotContain(first[(first.LastIndexOf('/') + 1)..], stored.TokenHash + stored.Seed);
        Assert.Equal(PersonalLinkTokens.HashOf(first[(first.LastIndexOf('/') + 1)..]), stored.TokenHash);
    }

    [Theory]
    [InlineData(LatePolicy.Reject, 0)]
    [InlineData(LatePolicy.AcceptAndFlag, 14)]
    [InlineData(LatePolicy.HoldForApproval, 14)]
    public async Task CheckAsync_AfterTheDeadline_WorksForTheLatePolicysGraceOnly(LatePolicy policy, int graceDays)
    {
        await using var factory = await StartAsync(new() { ["Reminders:Enabled"] = "false" });
        var token = TokenOf(await factory.IssueLinkAsync(Amira));
        var deadline = await ChangeMemoAsync(factory, m => m.LatePolicy = policy);

        factory.Clock.SetUtcNow(deadline + TimeSpan.FromDays(graceDays) - TimeSpan.FromMinutes(1));
        Assert.Equal(LinkState.Valid, await StateAsync(factory, token));
        factory.Clock.SetUtcNow(deadline + TimeSpan.FromDays(graceDays));
        Assert.Equal(LinkState.Expired, await StateAsync(factory, token));
    }

    [Fact]
    public async Task CheckAsync_WithoutDeadline_Works90DaysAndANewIssueRenewsIt()
    {
        await using var factory = await StartAsync(new() { ["Reminders:Enabled"] = "false" });
        await ChangeMemoAsync(factory, m => m.Deadline = null);
        var url = await factory.IssueLinkAsync(Amira);

        factory.Clock.Advance(TimeSpan.FromDays(90));
        Assert.Equal(LinkState.Expired, await StateAsync(factory, TokenOf(url)));

        var renewed = await factory.IssueLinkAsync(Amira);
        Assert.NotEqual(url, renewed);
        Assert.Equal(LinkState.Valid, await StateAsync(factory, TokenOf(renewed)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    public async Task CheckAsync_NotAToken_IsUnknown(string? token)
    {
        await using var factory = await StartAsync();
        Assert.Equal(LinkState.Unknown, await StateAsync(factory, token));
    }

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static async Task<LinkState> StateAsync(BotFactory factory, string? token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var links = scope.ServiceProvider.GetRequiredService<PersonalLinks>();
        return (await links.CheckAsync(scope.ServiceProvider.GetRequiredService<IDataSession>(), token, factory.Clock.GetUtcNow(), default)).State;
    }

    private static async Task<DateTimeOffset> ChangeMemoAsync(BotFactory factory, Action<Memo> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<IDataSession>();
        var memo = (await data.FirstOrDefaultAsync(data.Memos, default))!;
        var deadline = memo.Deadline!.Value;
        change(memo);
        await data.SaveChangesAsync(default);
        return deadline;
    }
}
