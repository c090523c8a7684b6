using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Routing;
using CoalitionBot.Testing.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Coalitions;

/// <summary>
/// Isolation is tested like permissions: Bea, a coordinator of Beta only, tries every route there is — every command
/// with arguments naming Alpha's memos and partners (which she may create in her own coalition, never reach in Alpha), every button and form with values naming Alpha's memos, plain
/// and forged with Alpha's stamp — and Alpha neither changes nor shows up in any answer. The routes come from the
/// router, so a new command is covered without touching this test.
/// </summary>
public sealed class CoalitionIsolationTests
{
    private static readonly string[] Arguments = ["", " M-2", " M-2 late include unconfirmed include", $" {TwoCoalitions.AlphaOnlyOrg}", $" M-2 {TwoCoalitions.AlphaOnlyOrg}", " M-2 #1 text", $" {TwoCoalitions.AlphaOnlyOrg} | Sam Lee | sam@alpha-only.org"];

    private static readonly Dictionary<string, string?> EveryField = new()
    {
        ["display_name"] = TwoCoalitions.AlphaOnlyOrg, ["signatory_name"] = "Bea Beta", ["signatory_title"] = "Director", ["category"] = "International",
        ["attest"] = "true", ["reason"] = "no", ["text"] = "a comment", ["paragraph"] = "1", ["title"] = "Hijack", ["addressee"] = "Someone",
        ["deadline"] = "2026-12-01 17:00", ["timezone"] = "UTC", ["markdown"] = "Replaced text.", ["substantive"] = "true",
    };

    [Fact]
    public async Task EveryCommand_FromAnotherCoalitionsCoordinator_NeitherChangesNorShowsAlpha()
    {
        await using var world = await TwoCoalitions.StartAsync();
        var before = await world.AlphaSnapshotAsync();
        var router = world.Bot.Services.GetRequiredService<Router>();

        foreach (var route in router.Commands)
        {
            foreach (var argument in Arguments)
            {
                AssertNothingOfAlpha(await world.Bea.Says(route.Key + argument), $"`{route.Key}{argument}`");
            }
        }

        Assert.Equal(before, await world.AlphaSnapshotAsync());
    }

    [Fact]
    public async Task EveryButtonAndForm_NamingAlphasMemos_IsRefusedAndChangesNothing()
    {
        await using var world = await TwoCoalitions.StartAsync();
        var before = await world.AlphaSnapshotAsync();
        var router = world.Bot.Services.GetRequiredService<Router>();
        var alpha = (await world.CoalitionIdAsync(TwoCoalitions.Alpha)).ToString("N");
        string[] values = ["M-1", "M-2", "M-2~" + alpha, "M-1~" + alpha, "M-1~" + Guid.NewGuid().ToString("N")];

        foreach (var route in router.Routes.Where(r => r.Kind != RouteKind.Command))
        {
            foreach (var value in values)
            {
                InboundContent content = route.Kind == RouteKind.Action ? new ButtonAction(route.Key, value) : new FormSubmission(route.Key, value, EveryField);
                AssertNothingOfAlpha(await world.Bea.Send(content), $"{route.Kind} {route.Key} = {value}");
            }
        }

        Assert.Equal(before, await world.AlphaSnapshotAsync());
    }

    [Fact]
    public async Task PartnerOfBetaOnly_PressingAlphasButtons_IsAStrangerThere()
    {
        await using var world = await TwoCoalitions.StartAsync();
        var signed = await world.Bea.Presses(Messages.ActionIds.Sign, "M-1");

        Assert.Contains("I don't know you yet", signed.Text);
        Assert.Null(signed.Form);
    }

    private static void AssertNothingOfAlpha(BotReply reply, string what)
    {
        var text = reply.Text + string.Join(' ', reply.Buttons.Select(b => b.Label + b.Value)) + (reply.Form is { } f ? f.Title + f.Intro + f.Context : "");
        Assert.False(text.Contains(TwoCoalitions.Secret, StringComparison.Ordinal), $"{what} showed Alpha's memo: {text}");
        Assert.False(text.Contains(TwoCoalitions.Alpha, StringComparison.Ordinal), $"{what} named Alpha: {text}");
    }
}
