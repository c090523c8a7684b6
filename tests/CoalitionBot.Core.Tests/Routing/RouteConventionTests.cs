using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Routing;
using CoalitionBot.Testing.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Routing;

/// <summary>Conventions the router relies on, checked over every registered route.</summary>
public sealed class RouteConventionTests
{
    [Fact]
    public async Task EveryRoute_HasHelpText_AndEveryCommandAUsage()
    {
        await using var bot = await TestBot.StartAsync();
        var router = bot.Services.GetRequiredService<Router>();
        Assert.All(router.Routes, r => Assert.False(string.IsNullOrWhiteSpace(r.Help), $"{r.Kind} {r.Key} has no help"));
        Assert.All(router.Commands, r => Assert.StartsWith(r.Key, r.Usage));
    }

    [Fact]
    public async Task EveryActionAndForm_TheCoreEmits_HasARoute()
    {
        await using var bot = await TestBot.StartAsync();
        var router = bot.Services.GetRequiredService<Router>();
        foreach (var action in ActionIds.All.Where(a => a != ActionIds.Snooze))
        {
            Assert.NotNull(router.Find(RouteKind.Action, action));
        }

        foreach (var form in typeof(FormIds).GetFields().Select(f => (string)f.GetValue(null)!))
        {
            Assert.NotNull(router.Find(RouteKind.Form, form));
        }
    }

    [Fact]
    public async Task CoordinatorOnlyCommands_AreMarkedSo()
    {
        await using var bot = await TestBot.StartAsync();
        var router = bot.Services.GetRequiredService<Router>();
        foreach (var word in new[] { "new", "publish", "circulate", "close", "reopen", "compile", "partners", "status", "approve" })
        {
            Assert.Equal(Permission.Coordinator, router.Find(RouteKind.Command, word)!.Permission);
        }
    }

    [Theory]
    [InlineData("partners add Global Peace | International", "partners add")]
    [InlineData("PARTNERS Contact A | B | b@a.org", "partners link")]
    [InlineData("partners", "partners")]
    [InlineData("partners list", "partners")]
    [InlineData("partners nonsense", "partners")]
    [InlineData("coalition timezone Europe/Berlin", "coalition timezone")]
    [InlineData("coordinators add Bo | bo@a.org", "coordinators add")]
    public async Task Match_PrefersTheSubcommandRoute_ThenTheCommand(string text, string key)
    {
        await using var bot = await TestBot.StartAsync();
        var router = bot.Services.GetRequiredService<Router>();
        Assert.Equal(key, router.Match(new CommandText(text))!.Key);
    }

    [Fact]
    public async Task Commands_AreInRankOrder_AndEverySubcommandFollowsItsCommand()
    {
        await using var bot = await TestBot.StartAsync();
        var router = bot.Services.GetRequiredService<Router>();
        var commands = router.Commands.ToList();
        Assert.Equal(commands.OrderBy(r => r.Rank), commands);
        Assert.All(commands.Where(r => r.Parent is not null), sub => Assert.True(router.Find(RouteKind.Command, sub.Parent!)!.Rank < sub.Rank, sub.Key));
        Assert.Equal("help", commands[0].Key);
    }

    [Theory]
    [InlineData("partners add A | B", "partners add", "A | B")]
    [InlineData("partners import\nx,y", "partners import", "x,y")]
    public void CommandLine_ForASubcommandRoute_DropsTheSubcommandWord(string text, string word, string rest)
    {
        var route = Route.Command(1, word, Permission.Anyone, word, "help", (_, _) => throw new NotSupportedException());
        var line = CommandLine.Parse(text).For(route);
        Assert.Equal(word, line.Word);
        Assert.Equal(rest, line.Rest);
    }

    [Theory]
    [InlineData("sign M-3", "sign", "M-3")]
    [InlineData("  DECLINE   M-3 too vague ", "decline", "M-3 too vague")]
    [InlineData("/memo status M-1", "status", "M-1")]
    [InlineData("", "help", "")]
    public void CommandLine_SplitsTheFirstWord(string text, string word, string rest)
    {
        var line = CommandLine.Parse(text);
        Assert.Equal(word, line.Word);
        Assert.Equal(rest, line.Rest);
    }
}
