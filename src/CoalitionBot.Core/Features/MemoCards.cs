using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Core.Features;

/// <summary>Builds the neutral memo card and full-text messages. Platforms render them; nothing here is platform JSON.</summary>
public static class MemoCards
{
    /// <summary>How much memo text a card shows before "Read full text".</summary>
    public const int ExcerptLength = 1200;

    /// <param name="coordinator">Adds the coordinator's buttons (Circulate, Status, Compile) for a memo's state.</param>
    public static Message Card(Memo memo, MemoVersion version, SignOn? myAnswer, string? intro = null, bool coordinator = false)
    {
        var blocks = new List<Block>();
        if (intro is not null)
        {
            blocks.Add(new TextBlock(intro));
        }

        blocks.Add(new TextBlock($"{memo.Code}: {memo.Title}", Strong: true));
        blocks.Add(new FieldsBlock(Facts(memo, version, myAnswer)));
        if (!string.IsNullOrWhiteSpace(memo.ConfidentialityNotice))
        {
            blocks.Add(new TextBlock("Confidential: " + memo.ConfidentialityNotice));
        }

        var (excerpt, truncated) = Excerpt(version.Markdown);
        blocks.Add(new MemoExcerptBlock(memo.Code, memo.Title, excerpt, truncated));
        blocks.Add(new ButtonsBlock(Buttons(memo, myAnswer)));
        if (coordinator)
        {
            blocks.Add(new ButtonsBlock(CoordinatorButtons(memo)));
        }

        return new Message($"{memo.Code}: {memo.Title}", blocks) { LiveMemoCode = memo.Code };
    }

    public static Message FullText(Memo memo, MemoVersion version)
    {
        var blocks = new List<Block>
        {
            new TextBlock($"{memo.Code}: {memo.Title} (version {version.Number} · {version.ShortHash})", Strong: true),
            new TextBlock("To: " + memo.Addressee),
        };
        if (!string.IsNullOrWhiteSpace(memo.ConfidentialityNotice))
        {
            blocks.Add(new TextBlock("Confidential: " + memo.ConfidentialityNotice));
        }

        blocks.Add(new MemoExcerptBlock(memo.Code, memo.Title, version.Markdown, Truncated: false));
        if (memo.Status == MemoStatus.Open)
        {
            blocks.Add(new ButtonsBlock(Buttons(memo, null).Where(b => b.ActionId != ActionIds.ReadFullText).ToList()));
        }

        return new Message($"{memo.Code}: {memo.Title} (full text)", blocks);
    }

    public static IReadOnlyList<Field> Facts(Memo memo, MemoVersion version, SignOn? myAnswer)
    {
        var facts = new List<Field>
        {
            new("To", memo.Addressee),
            new("Status", memo.Status.ToString()),
            new("Deadline", memo.Deadline is { } d ? TimeZones.Describe(d, memo.TimeZone) : "none"),
            new("Version", $"{version.Number} · {version.ShortHash}"),
        };
        if (myAnswer is not null)
        {
            facts.Add(new Field("Your answer", Describe(myAnswer)));
        }

        return facts;
    }

    public static string Describe(SignOn answer) => answer.State switch
    {
        SignOnState.Signed when answer.NeedsReconfirmation => $"signed as \"{answer.DisplayName}\" — please re-confirm: the text changed",
        SignOnState.Signed when answer.AwaitingApproval => $"signed as \"{answer.DisplayName}\" (late, awaiting a coordinator's approval)",
        SignOnState.Signed => $"signed as \"{answer.DisplayName}\"" + (answer.Late ? " (late)" : ""),
        SignOnState.Declined => "declined",
        _ => "withdrawn",
    };

    internal static List<Button> Buttons(Memo memo, SignOn? myAnswer)
    {
        var buttons = new List<Button>();
        if (memo.Status is MemoStatus.Open or MemoStatus.Closed)
        {
            var signLabel = myAnswer is { State: SignOnState.Signed, NeedsReconfirmation: true } ? "Re-confirm"
                : myAnswer is { State: SignOnState.Signed } ? "Update sign-on" : "Sign on";
            buttons.Add(new Button(signLabel, ActionIds.Sign, memo.Code, ButtonStyle.Primary, OpensForm: true));
            buttons.Add(new Button("Decline", ActionIds.Decline, memo.Code, OpensForm: true));
        }

        buttons.Add(new Button("Comment", ActionIds.Comment, memo.Code, OpensForm: true));
        buttons.Add(new Button("Read full text", ActionIds.ReadFullText, memo.Code));
        return buttons;
    }

    private static List<Button> CoordinatorButtons(Memo memo)
    {
        var buttons = new List<Button>();
        if (memo.Status is MemoStatus.Draft or MemoStatus.Open)
        {
            buttons.Add(new Button("Circulate", ActionIds.Circulate, memo.Code, memo.Status == MemoStatus.Draft ? ButtonStyle.Primary : ButtonStyle.Default));
        }

        if (memo.Status != MemoStatus.Draft)
        {
            buttons.Add(new Button("Status", ActionIds.Status, memo.Code));
            buttons.Add(new Button("Compile", ActionIds.Compile, memo.Code));
        }

        return buttons;
    }

    /// <summary>The first paragraphs of the text up to <see cref="ExcerptLength"/> characters, cut at a paragraph boundary.</summary>
    public static (string Text, bool Truncated) Excerpt(string markdown)
    {
        if (markdown.Length <= ExcerptLength)
        {
            return (markdown, false);
        }

        var cut = markdown.LastIndexOf("\n\n", ExcerptLength, StringComparison.Ordinal);
        return cut > 0 ? (markdown[..cut], true) : (markdown[..ExcerptLength].TrimEnd() + "…", true);
    }
}
