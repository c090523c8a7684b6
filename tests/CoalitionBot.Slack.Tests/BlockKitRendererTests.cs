using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Slack.Rendering;
using CoalitionBot.Testing.Slack;

namespace CoalitionBot.Slack.Tests;

public sealed class BlockKitRendererTests
{
    private const string Hostile = "<!channel> @everyone <@U123> <https://evil.example|click> & co";

    [Fact]
    public void Render_SixtyKilobyteMemo_SplitsWithinEveryLimit()
    {
        var message = new Message("Memo M-12 is open for sign-on", [
            new MemoExcerptBlock("M-12", "Human rights, not military aid", LongMemo(60_000), Truncated: false),
            new ButtonsBlock([new Button("Sign", ActionIds.Sign, "M-12", ButtonStyle.Primary), new Button("Decline", ActionIds.Decline, "M-12")]),
        ]);

        var parts = BlockKitRenderer.Render(message);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.Empty(BlockKitValidator.ValidateMessage(p.Blocks, p.Text)));
        var text = string.Concat(parts.SelectMany(p => p.Blocks).Select(b => (string?)b!["text"]?["text"] ?? string.Empty));
        Assert.Contains("Paragraph 150", text, StringComparison.Ordinal);
        Assert.Equal("actions", (string?)parts[^1].Blocks[^1]!["type"]);
    }

    /// <summary>Replies mark commands as `inline code`; mrkdwn shows them as code, as the web channel and the dashboard do.</summary>
    [Fact]
    public void Render_CommandInBackticks_StaysACodeSpanInMrkdwn()
    {
        var parts = BlockKitRenderer.Render(Message.Text("Preview: type `close M-1` & <b>"));

        var text = Assert.Single(Assert.Single(parts).Blocks)!["text"]!;
        Assert.Equal("mrkdwn", (string?)text["type"]);
        Assert.Equal("Preview: type `close M-1` &amp; &lt;b&gt;", (string?)text["text"]);
    }

    [Fact]
    public async Task Render_StatusOfAHugeCampaign_FitsSlacksLimitsAndPointsToTheDashboard()
    {
        var parts = BlockKitRenderer.Render(await Testing.Conversation.HugeCampaign.StatusAsync());

        Assert.All(parts, p => Assert.Empty(BlockKitValidator.ValidateMessage(p.Blocks, p.Text)));
        Assert.True(parts.Count <= 3, $"{parts.Count} messages");
        var text = string.Concat(parts.SelectMany(p => p.Blocks).Select(b => (string?)b!["text"]?["text"] ?? string.Empty));
        Assert.Contains("more — see the dashboard", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneHugeParagraph_SplitsInsideIt()
    {
        var message = new Message("long", [new MemoExcerptBlock("M-1", "t", string.Concat(Enumerable.Repeat("word & <word> ", 5000)), false)]);

        var parts = BlockKitRenderer.Render(message);

        Assert.All(parts, p => Assert.Empty(BlockKitValidator.ValidateMessage(p.Blocks, p.Text)));
        Assert.DoesNotContain(parts.SelectMany(p => p.Blocks), b => ((string?)b!["text"]?["text"])?.Contains("&am", StringComparison.Ordinal) == true
            && !((string?)b!["text"]!["text"])!.Contains("&amp;", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HostileOrganisationName_InertEverywhere()
    {
        var message = new Message(Hostile + " signed M-12", [
            new TextBlock(Hostile, Strong: true),
            new TextBlock(Hostile + " signed"),
            new FieldsBlock([new Field(Hostile, Hostile)]),
            new MemoExcerptBlock("M-12", Hostile, "# " + Hostile + "\n\n**" + Hostile + "** and [" + Hostile + "](https://example.org)\n\n> " + Hostile, false),
            new ButtonsBlock([new Button(Hostile, ActionIds.Sign, Hostile)]),
        ]);

        var parts = BlockKitRenderer.Render(message);

        foreach (var part in parts)
        {
            AssertInert(part.Text);
            foreach (var text in TextObjects(part.Blocks))
            {
                if ((string?)text["type"] == "mrkdwn")
                {
                    Assert.True((bool?)text["verbatim"], "mrkdwn holding user text must be verbatim");
                    AssertInert((string)text["text"]!);
                }
            }
        }
    }

    [Fact]
    public void RenderModal_HostileLabels_NoMrkdwnLeaksAndLimitsHold()
    {
        var form = new Form(FormIds.SignOn, "Sign on for " + Hostile, "Sign on for everyone now", "M-12",
            [new FormField("display_name", Hostile, FormFieldKind.ShortText, true, 5000, Hostile, Hostile)], Intro: Hostile);

        var view = ModalRenderer.Render(form, "C1");

        Assert.Empty(BlockKitValidator.ValidateView(view));
        Assert.Equal(24, ((string)view["title"]!["text"]!).Length);
        Assert.Equal("display_name", (string?)view["blocks"]![1]!["block_id"]);
        foreach (var text in TextObjects(view["blocks"]!).Where(t => (string?)t["type"] == "mrkdwn"))
        {
            AssertInert((string)text["text"]!);
        }
    }

    [Fact]
    public void RenderModal_PrivateMetadata_RoundTripsFormAndContext()
    {
        var view = ModalRenderer.Render(new Form(FormIds.Comment, "Comment", "Send", "M-7", [new FormField("text", "Comment", FormFieldKind.LongText)]), "C1");

        var metadata = FormMetadata.TryParse((string?)view["private_metadata"]);

        Assert.Equal(new FormMetadata(FormIds.Comment, "M-7", "C1"), metadata);
        Assert.Equal(FormIds.Comment, (string?)view["callback_id"]);
    }

    [Fact]
    public void ReadValues_EveryElementKind_ReadsTheNeutralValue()
    {
        var state = JsonNode.Parse("""
            {
              "name": { "value": { "type": "plain_text_input", "value": "Oxfam" } },
              "category": { "value": { "type": "static_select", "selected_option": { "value": "ngo", "text": { "type": "plain_text", "text": "NGO" } } } },
              "attest": { "value": { "type": "checkboxes", "selected_options": [ { "value": "true" } ] } },
              "deadline": { "value": { "type": "datetimepicker", "selected_date_time": 1772442000 } }
            }
            """)!.AsObject();

        var values = ModalRenderer.ReadValues(state);

        Assert.Equal("Oxfam", values["name"]);
        Assert.Equal("ngo", values["category"]);
        Assert.Equal("true", values["attest"]);
        Assert.Equal("2026-03-02T09:00:00.0000000+00:00", values["deadline"]);
    }

    [Fact]
    public void Convert_MemoMarkdown_BecomesMrkdwn()
    {
        var mrkdwn = string.Join("\n", MrkdwnConverter.Convert("""
            # The ask
            We ask **you** to act _now_ and ~~later~~.

            1. Stop the sale
            2. Report back

            - [Report](https://example.org/report?a=1&b=2)
            - [bad](javascript:alert(1))

            > Quoted <b>text</b>
            """));

        Assert.Contains("*The ask*", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("*you*", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("_now_", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("~later~", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("1. Stop the sale", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("2. Report back", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("• <https://example.org/report?a=1&amp;b=2|Report>", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("• bad", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("> Quoted &lt;b&gt;text&lt;/b&gt;", mrkdwn, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DuplicateActionIdsInOneRow_MadeUniqueAndDecodedBack()
    {
        var parts = BlockKitRenderer.Render(new Message("list", [new ButtonsBlock([new Button("Sign M-1", ActionIds.Sign, "M-1"), new Button("Sign M-2", ActionIds.Sign, "M-2")])]));

        var ids = parts[0].Blocks[0]!["elements"]!.AsArray().Select(e => (string)e!["action_id"]!).ToList();

        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(ActionIds.Sign, SlackActionId.Decode(id)));
    }

    internal static string LongMemo(int characters)
    {
        var builder = new StringBuilder("# Memo to the Secretary of State\n\n");
        for (var i = 0; builder.Length < characters; i++)
        {
            builder.Append($"## Paragraph {i}\n\nThe coalition & its partners <urge> **restraint**: ").Append(new string('x', 200)).Append(" [source](https://example.org/").Append(i).Append(")\n\n- point one\n- point two\n\n");
        }

        return builder.ToString();
    }

    private static void AssertInert(string text)
    {
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("& co", text, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> TextObjects(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj when (string?)obj["type"] is "mrkdwn" or "plain_text":
                yield return obj;
                break;
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(TextObjects))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>().SelectMany(TextObjects))
                {
                    yield return child;
                }

                break;
        }
    }
}
