using System.Text;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Teams.Tests.Support;

/// <summary>Realistic neutral messages and forms, as the core would produce them.</summary>
internal static class Some
{
    public static Message HelpMessage() => new(
        "CoalitionBot runs coalition sign-on memos.",
        [
            new TextBlock("CoalitionBot", Strong: true),
            new TextBlock("Commands:\nlist — memos open for sign-on\nshow M-12 — read a memo\nsign M-12 — sign on for your organisation\ndecline M-12 — decline"),
        ]);

    public static Message StatusMessage(string code, int signed) => new(
        $"{code}: {signed} signed",
        [
            new MemoExcerptBlock(code, "Human rights, not military aid", "To the Secretary of State: we, the undersigned organisations, **urge** you to…", Truncated: true),
            new FieldsBlock([new Field("Signed", signed.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Field("Declined", "3"), new Field("Deadline", "5 Dec 2026, 17:00 Europe/Berlin")]),
            new ButtonsBlock(
            [
                new Button("Sign on", ActionIds.Sign, code, ButtonStyle.Primary, OpensForm: true),
                new Button("Decline", ActionIds.Decline, code, ButtonStyle.Danger, OpensForm: true),
                new Button("Read full text", ActionIds.ReadFullText, code),
                new Button("Status", ActionIds.Status, code),
                new Button("Open in browser", ActionIds.ReadFullText, code, Url: "https://coalition.example.org/memos/" + code),
            ]),
        ]) { LiveMemoCode = code };

    public static Message MemoMessage(string code, string markdown) => new(
        $"{code}: Human rights, not military aid",
        [
            new MemoExcerptBlock(code, "Human rights, not military aid", markdown, Truncated: false),
            new ButtonsBlock([new Button("Sign on", ActionIds.Sign, code, ButtonStyle.Primary)]),
        ]);

    public static Form SignOnForm(string code) => new(
        FormIds.SignOn,
        "Sign on to " + code,
        "Sign on",
        code,
        [
            new FormField("displayName", "Organisation name as it should appear", FormFieldKind.ShortText, Required: true, MaxLength: 200, Hint: "e.g. Amnesty International UK"),
            new FormField("signatory", "Your name and title", FormFieldKind.ShortText, Required: true, MaxLength: 200),
            new FormField("category", "Category", FormFieldKind.Choice, Options: [new FormOption("NGO", "ngo"), new FormOption("Union", "union")]),
            new FormField("note", "A note for the coordinators", FormFieldKind.LongText, MaxLength: 2000),
            new FormField("until", "Sign-on valid until", FormFieldKind.DateTime, Initial: "2026-12-05T17:00:00+01:00", Hint: "Leave empty for no limit"),
            new FormField("attest", "I am authorised to sign for this organisation", FormFieldKind.Checkbox, Required: true),
        ],
        Intro: "Your organisation's name will appear under the memo exactly as you write it.");

    /// <summary>A memo far over one card: ~300 KB of Markdown with every construct the memo pipeline knows.</summary>
    public static string LongMemo(int sections = 120)
    {
        var builder = new StringBuilder();
        builder.AppendLine("# Memo to the Secretary of State").AppendLine();
        for (var i = 1; i <= sections; i++)
        {
            builder.AppendLine($"## {i}. Section on obligations under international humanitarian law").AppendLine();
            builder.AppendLine($"Paragraph {i}: the **undersigned** organisations _urge_ you to suspend transfers; see [the report](https://example.org/report/{i}) and ~~older~~ text. Names like Ärzte ohne Grenzen, Médecins du Monde and «Human Rights Watch» must survive intact. " + new string('x', 1500)).AppendLine();
            builder.AppendLine("- first demand").AppendLine("- second demand with *emphasis*").AppendLine("  1. nested point").AppendLine();
            builder.AppendLine("> quoted testimony from the field").AppendLine();
        }

        builder.AppendLine("---").AppendLine().AppendLine("```").AppendLine("code *not* markup").AppendLine("```");
        return builder.ToString();
    }
}
