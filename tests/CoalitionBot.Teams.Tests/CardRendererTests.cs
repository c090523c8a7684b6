using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Teams.Cards;
using CoalitionBot.Teams.Connector;
using CoalitionBot.Teams.Tests.Support;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class CardRendererTests
{
    private readonly AdaptiveCardRenderer renderer = new();

    public static TheoryData<string> Messages() => ["help", "status", "memo", "long", "hostile", "empty"];

    [SkippableTheory]
    [MemberData(nameof(Messages))]
    public async Task RenderMessage_EveryCard_ValidatesAgainstAdaptiveCard15(string which)
    {
        foreach (var card in renderer.RenderMessage(Message(which)))
        {
            await Schemas.AssertValidCardAsync(card);
        }
    }

    [SkippableTheory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task RenderForm_WithAndWithoutErrors_ValidatesAgainstAdaptiveCard15(bool dialog, bool withErrors)
    {
        var errors = withErrors ? new Dictionary<string, string> { ["displayName"] = "Required.", ["_form"] = "The memo closed meanwhile." } : null;

        await Schemas.AssertValidCardAsync(renderer.RenderForm(Some.SignOnForm("M-12"), errors, dialog ? FormHost.Dialog : FormHost.Card));
    }

    [SkippableFact]
    public async Task SchemaCheck_BrokenCard_IsCaught()
    {
        var card = renderer.RenderMessage(Some.StatusMessage("M-12", 1))[0];
        card["body"]![0]!.AsObject().Remove("text");

        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Schemas.AssertValidCardAsync(card));
    }

    [Fact]
    public async Task RenderMessage_StatusOfAHugeCampaign_EveryCardUnderTheLimitAndPointsToTheDashboard()
    {
        var parts = new OutboundActivities(renderer).For(await Testing.Conversation.HugeCampaign.StatusAsync());

        Assert.True(parts.Count <= 2, $"{parts.Count} activities");
        Assert.All(parts, p => Assert.True(AdaptiveCardRenderer.SizeOf(p) < 80 * 1024, $"{AdaptiveCardRenderer.SizeOf(p)} bytes"));
        Assert.Contains("see the dashboard", string.Concat(parts.Select(p => p.ToJsonString())), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_LongMemo_SplitWithEveryActivityUnder80KB()
    {
        var parts = new OutboundActivities(renderer).For(Message("long"));

        Assert.True(parts.Count > 2);
        Assert.All(parts, p => Assert.True(AdaptiveCardRenderer.SizeOf(p) < 80 * 1024, $"{AdaptiveCardRenderer.SizeOf(p)} bytes"));
        Assert.Contains("Part 1 of", parts[0].ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Action.", parts[0].ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Action.", parts[^1].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_LongMemo_NoTextLost()
    {
        var markdown = Some.LongMemo(sections: 40);
        var text = string.Concat(renderer.RenderMessage(Some.MemoMessage("M-1", markdown)).SelectMany(Texts));

        Assert.Equal(40, System.Text.RegularExpressions.Regex.Matches(text, "x{1500}").Count);
        Assert.Contains("Médecins du Monde", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_HostileOrganisationName_CannotInjectLinksOrEmphasis()
    {
        var cards = renderer.RenderMessage(Message("hostile"));
        var text = string.Concat(cards.SelectMany(Texts));

        Assert.DoesNotContain("[click here](", text, StringComparison.Ordinal);
        Assert.Contains(@"\[click here\]\(https://evil.example\)", text, StringComparison.Ordinal);
        Assert.Contains(@"\*\*Loud\*\*", text, StringComparison.Ordinal);
        Assert.Contains(@"\- not a list", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Replies mark commands as `inline code` (Slack and the web channel show them as code). Adaptive Card text has no
    /// code spans, so Teams shows the backticks themselves, escaped so they stay literal.
    /// </summary>
    [Fact]
    public void RenderMessage_CommandInBackticks_ShowsTheBackticksLiterally()
    {
        var cards = renderer.RenderMessage(Core.Messages.Message.Text("Preview: type `close M-1` then `compile M-1`."));

        Assert.Contains(@"type \`close M-1\` then \`compile M-1\`.", string.Concat(cards.SelectMany(Texts)), StringComparison.Ordinal);
    }

    [Fact]
    public void MemoMarkdown_SupportedSubset_Kept()
    {
        var elements = MarkdownToCard.ToElements("Plain **bold** and _it_ with [a link](https://example.org/a(b)).\n\n- one\n- two\n\n1. first\n2. second\n\n[bad](javascript:alert(1))");
        var text = string.Join("\n", elements.Select(e => e["text"]!.GetValue<string>()));

        Assert.Contains("**bold**", text, StringComparison.Ordinal);
        Assert.Contains("_it_", text, StringComparison.Ordinal);
        Assert.Contains("[a link](https://example.org/a%28b%29)", text, StringComparison.Ordinal);
        Assert.Contains("- one\r- two", text, StringComparison.Ordinal);
        Assert.Contains("1. first\r2. second", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_Buttons_ExecuteWithSubmitFallbackDialogForFormsAndOpenUrlForLinks()
    {
        var card = renderer.RenderMessage(Some.StatusMessage("M-12", 3)).Single();
        var actions = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "ActionSet")!["actions"]!.AsArray();

        var sign = actions[0]!;
        Assert.Equal("Action.Submit", sign["type"]!.GetValue<string>());
        Assert.Equal("task/fetch", sign["data"]!["msteams"]!["type"]!.GetValue<string>());
        var status = actions[3]!;
        Assert.Equal("Action.Execute", status["type"]!.GetValue<string>());
        Assert.Equal(ActionIds.Status, status["verb"]!.GetValue<string>());
        Assert.Equal("M-12", status["data"]!["cb.value"]!.GetValue<string>());
        Assert.Equal("Action.Submit", status["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal("Action.OpenUrl", actions[4]!["type"]!.GetValue<string>());
        Assert.Equal("positive", sign["style"]!.GetValue<string>());
        Assert.Equal("M-12", card["refresh"]!["action"]!["data"]!["cb.value"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_ButtonsAndRefresh_FollowTheModel_NotTheActionIds()
    {
        var snapshot = new Message("M-12: digest", [
            new FieldsBlock([new Field("Signed", "3")]),
            new ButtonsBlock([new Button("Sign on", ActionIds.Sign, "M-12"), new Button("Add a note", "note.open", "x", OpensForm: true)]),
        ]);
        var card = renderer.RenderMessage(snapshot).Single();
        var actions = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "ActionSet")!["actions"]!.AsArray();

        Assert.Equal("Action.Execute", actions[0]!["type"]!.GetValue<string>());
        Assert.Equal("task/fetch", actions[1]!["data"]!["msteams"]!["type"]!.GetValue<string>());
        Assert.Null(card["refresh"]);
    }

    [Fact]
    public void RenderForm_Inputs_CarryLabelsRequiredMaxLengthAndErrorMessages()
    {
        var card = renderer.RenderForm(Some.SignOnForm("M-12"), null, FormHost.Card);
        var inputs = card["body"]!.AsArray().Where(e => e!["id"] is not null).ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!);

        Assert.Equal("Input.Text", inputs["displayName"]["type"]!.GetValue<string>());
        Assert.True(inputs["displayName"]["isRequired"]!.GetValue<bool>());
        Assert.Equal(200, inputs["displayName"]["maxLength"]!.GetValue<int>());
        Assert.NotNull(inputs["displayName"]["errorMessage"]);
        Assert.True(inputs["note"]["isMultiline"]!.GetValue<bool>());
        Assert.Equal("Input.ChoiceSet", inputs["category"]["type"]!.GetValue<string>());
        Assert.Equal("Input.Toggle", inputs["attest"]["type"]!.GetValue<string>());
        Assert.Equal("2026-12-05", inputs["until__date"]["value"]!.GetValue<string>());
        Assert.Equal("17:00", inputs["until__time"]["value"]!.GetValue<string>());
        Assert.Equal("form:" + FormIds.SignOn, card["actions"]![0]!["verb"]!.GetValue<string>());
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "text" or "value" or "title" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    private static Message Message(string which) => which switch
    {
        "help" => Some.HelpMessage(),
        "status" => Some.StatusMessage("M-12", 17),
        "memo" => Some.MemoMessage("M-12", "# Title\n\nText with **bold**, _it_, `code`, a [link](https://example.org).\n\n> quoted\n\n---\n\n```\nfenced\n```\n\n1. one\n2. two\n   - nested"),
        "long" => Some.MemoMessage("M-12", Some.LongMemo()),
        "hostile" => new Message("hostile", [
            new TextBlock("[click here](https://evil.example) **Loud**\n- not a list\n1. not numbered", Strong: false),
            new FieldsBlock([new Field("Organisation", "[click here](https://evil.example)"), new Field("<at>Everyone</at>", "**Loud**")]),
        ]),
        "empty" => new Message("nothing", []),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };
}
