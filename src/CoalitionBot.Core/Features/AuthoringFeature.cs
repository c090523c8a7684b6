using System.Globalization;
using System.Text;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Reach;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>`new` (draft a memo) and `publish M` (a new version, substantive or not).</summary>
/// <remarks>Just over 300 lines: the one-line and the form paths of `new` share their validation here; split it when a third way in appears.</remarks>
public sealed class AuthoringFeature(IPersonalLinks links) : IFeature
{
    public const int MaxTextBytes = 200 * 1024;
    public const int TitleMax = 200;

    public IEnumerable<Route> Routes =>
    [
        Route.Command(130, "new", Permission.Coordinator, "new [title | addressee | deadline yyyy-MM-dd HH:mm [| time zone]] + text on the next lines",
            "Draft a new memo. Without details it opens a form.", New),
        Route.Command(140, "publish", Permission.Coordinator, "publish M-3 [substantive|minor] + new text on the next lines",
            "Publish a new version of a memo's text. Substantive changes ask earlier signers to re-confirm. Without text it opens a form.", Publish),
        Route.Form(FormIds.NewMemo, Permission.Coordinator, "Create a memo.", SubmitNew),
        Route.Form(FormIds.Publish, Permission.Coordinator, "Publish a version.", SubmitPublish),
    ];

    private static Task<Reply> New(RequestContext ctx, CancellationToken ct)
    {
        var rest = ctx.Command.Rest;
        if (rest.Length == 0)
        {
            return Task.FromResult<Reply>(new OpenFormReply(NewMemoForm(ctx)));
        }

        var lines = rest.Split('\n', 2);
        var parts = lines[0].Split('|').Select(p => p.Trim()).ToArray();
        if (parts.Length < 3)
        {
            throw new RefusalException("Usage: `new Title | Addressee | 2026-12-15 17:00` with the memo's Markdown text on the following lines, or just `new` for a form.");
        }

        var fields = new Dictionary<string, string?>
        {
            ["title"] = parts[0], ["addressee"] = parts[1], ["deadline"] = parts[2],
            ["timezone"] = parts.Length > 3 ? parts[3] : null, ["text"] = lines.Length > 1 ? lines[1] : "",
        };
        return CreateAsync(ctx, new FormValues(new Conversation.FormSubmission(FormIds.NewMemo, "", fields)), inline: true, ct);
    }

    private static Task<Reply> SubmitNew(RequestContext ctx, CancellationToken ct) =>
        CreateAsync(ctx, new FormValues(ctx.Submission!), inline: false, ct);

    private static Form NewMemoForm(RequestContext ctx) =>
        new(FormIds.NewMemo, "New memo", "Create draft", "", [
            new FormField("title", "Title", FormFieldKind.ShortText, Required: true, MaxLength: TitleMax, Hint: "Memo to the Secretary of State: human rights, not military aid"),
            new FormField("addressee", "Addressed to", FormFieldKind.ShortText, Required: true, MaxLength: TitleMax, Hint: "The Secretary of State"),
            new FormField("deadline", "Deadline (yyyy-MM-dd HH:mm)", FormFieldKind.DateTime, Required: true, MaxLength: 20),
            new FormField("timezone", "Time zone of the deadline", FormFieldKind.ShortText, MaxLength: 64, Initial: ctx.Me?.TimeZone ?? ctx.CoalitionOrThrow.TimeZone, Hint: "An IANA name such as Europe/Berlin or America/New_York"),
            new FormField("mode", "Who signs", FormFieldKind.Choice, Initial: nameof(SignOnMode.Organisations), Options: [new("Organisations", nameof(SignOnMode.Organisations)), new("Individuals", nameof(SignOnMode.Individuals))]),
            new FormField("late", "Sign-ons after the deadline", FormFieldKind.Choice, Initial: nameof(LatePolicy.AcceptAndFlag), Options: [
                new("Accept and mark late", nameof(LatePolicy.AcceptAndFlag)), new("Hold for my approval", nameof(LatePolicy.HoldForApproval)), new("Refuse", nameof(LatePolicy.Reject))]),
            new FormField("notice", "Confidentiality notice (optional)", FormFieldKind.ShortText, MaxLength: 500, Hint: "Draft: please do not share outside your organisation"),
            new FormField("text", "Memo text (Markdown)", FormFieldKind.LongText, Required: true, MaxLength: MaxTextBytes),
        ], "Draft a memo. Partners see nothing until you `circulate` it.");

    private static async Task<Reply> CreateAsync(RequestContext ctx, FormValues values, bool inline, CancellationToken ct)
    {
        var coalition = ctx.CoalitionOrThrow;
        var title = values.Text("title", "Title", true, TitleMax);
        var addressee = values.Text("addressee", "Addressed to", true, TitleMax);
        var notice = values.Text("notice", "Confidentiality notice", false, 500);
        var timeZone = values.Raw("timezone")?.Trim() is { Length: > 0 } tz ? tz : ctx.Me?.TimeZone ?? coalition.TimeZone;
        if (!TimeZones.IsKnown(timeZone))
        {
            values.Error("timezone", $"\"{Memos.Shorten(timeZone)}\" is not a time zone I know. Use an IANA name such as Europe/Berlin.");
        }

        var deadline = MemoDeadline.Parse(values, timeZone, ctx.Inbound.Actor.TimeZone ?? ctx.Me?.TimeZone, ctx.Now);
        var text = ValidateText(values);
        var mode = Enum.TryParse<SignOnMode>(values.Raw("mode"), true, out var m) ? m : SignOnMode.Organisations;
        var late = Enum.TryParse<LatePolicy>(values.Raw("late"), true, out var l) ? l : LatePolicy.AcceptAndFlag;
        if (!values.IsValid)
        {
            if (inline)
            {
                throw new RefusalException("I couldn't create that memo:\n" + string.Join("\n", values.Errors.Values.Select(e => "• " + e)));
            }

            return new FormErrorsReply(NewMemoForm(ctx), values.Errors);
        }

        for (var attempt = 0; ; attempt++)
        {
            var last = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Memos.Where(x => x.CoalitionId == coalition.Id).OrderByDescending(x => x.Number).Select(x => (int?)x.Number), ct);
            var memo = new Memo
            {
                CoalitionId = coalition.Id, Number = (last ?? 0) + 1, Title = title, Addressee = addressee, Deadline = deadline,
                TimeZone = timeZone, Mode = mode, LatePolicy = late, ConfidentialityNotice = notice.Length > 0 ? notice : null,
                CurrentVersion = 1, CreatedBy = ctx.MeOrThrow.Id, CreatedAt = ctx.Now,
            };
            var version = new MemoVersion { MemoId = memo.Id, Number = 1, Markdown = text, ContentHash = MemoDocument.HashOf(text), Substantive = true, AuthorId = memo.CreatedBy, CreatedAt = ctx.Now };
            ctx.Data.Add(memo);
            ctx.Data.Add(version);
            ctx.Audit("memo.created", $"{memo.Code}: {memo.Title}", memo.Id, after: new { memo.Title, memo.Addressee, memo.Deadline, memo.TimeZone, Mode = mode.ToString(), Late = late.ToString(), version.ContentHash });
            try
            {
                await ctx.SaveAsync(ct);
            }
            catch (Data.UniqueConflictException) when (attempt < 5)
            {
                continue; // another coordinator took this number at the same moment
            }

            var confirmation = new Message($"Draft {memo.Code} created", [
                new TextBlock($"Draft {memo.Code} \"{memo.Title}\" is created. Partners see nothing yet: check it with `show {memo.Code}`, then `circulate {memo.Code}`.", Strong: false),
                new FieldsBlock(MemoCards.Facts(memo, version, null)),
            ]);
            return inline ? new MessageReply(confirmation) : new FormAcceptedReply(confirmation);
        }
    }

    private async Task<Reply> Publish(RequestContext ctx, CancellationToken ct)
    {
        var lines = ctx.Command.Rest.Split('\n', 2);
        var (code, flag) = new CommandLine("", lines[0].Trim()).SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        RequireEditable(memo);
        var current = await Memos.CurrentVersionAsync(ctx, memo, ct);
        if (lines.Length < 2 || lines[1].Trim().Length == 0)
        {
            return new OpenFormReply(PublishForm(memo, current));
        }

        bool? substantive = flag.ToLowerInvariant() switch
        {
            "substantive" => true,
            "minor" => false,
            "" => null,
            _ => throw new RefusalException($"After the memo code write `substantive` or `minor`, not \"{Memos.Shorten(flag)}\"."),
        };
        var values = new FormValues(new Conversation.FormSubmission(FormIds.Publish, memo.Code, new Dictionary<string, string?> { ["text"] = lines[1] }));
        var text = ValidateText(values);
        if (!values.IsValid)
        {
            throw new RefusalException(string.Join("\n", values.Errors.Values));
        }

        return new MessageReply(await PublishAsync(ctx, memo, current, text, substantive, ct));
    }

    private static Form PublishForm(Memo memo, MemoVersion current) =>
        new(FormIds.Publish, "Publish version", "Publish", memo.Code, [
            new FormField("text", "Memo text (Markdown)", FormFieldKind.LongText, Required: true, MaxLength: MaxTextBytes, Initial: current.Markdown),
            new FormField("substantive", "Kind of change", FormFieldKind.Choice, Initial: "auto", Options: [
                new("Let the bot judge from the size of the change", "auto"), new("Substantive: signers must re-confirm", "true"), new("Minor: sign-ons carry over", "false")]),
        ], $"Publish version {current.Number + 1} of {memo.Code} \"{memo.Title}\".");

    private async Task<Reply> SubmitPublish(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Submission!.Context, ct);
        RequireEditable(memo);
        var current = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var values = new FormValues(ctx.Submission);
        var text = ValidateText(values);
        if (values.IsValid && MemoDocument.HashOf(text) == current.ContentHash)
        {
            values.Error("text", "The text is the same as the current version.");
        }

        if (!values.IsValid)
        {
            return new FormErrorsReply(PublishForm(memo, current), values.Errors);
        }

        return new FormAcceptedReply(await PublishAsync(ctx, memo, current, text, values.Raw("substantive")?.Trim().ToLowerInvariant() switch { "true" or "on" => true, "false" => false, _ => null }, ct));
    }

    private async Task<Message> PublishAsync(RequestContext ctx, Memo memo, MemoVersion current, string text, bool? said, CancellationToken ct)
    {
        var hash = MemoDocument.HashOf(text);
        if (hash == current.ContentHash)
        {
            throw new RefusalException($"That text is the same as version {current.Number} of {memo.Code}; nothing was published.");
        }

        var comparison = Compare(current.Markdown, text);
        var substantive = said ?? comparison.Assessment.Substantive;

        var version = new MemoVersion { MemoId = memo.Id, Number = current.Number + 1, Markdown = text, ContentHash = hash, Substantive = substantive, AuthorId = ctx.MeOrThrow.Id, CreatedAt = ctx.Now };
        ctx.Data.Add(version);
        memo.CurrentVersion = version.Number;
        var signed = await ctx.Data.ListAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id && s.State == SignOnState.Signed), ct);
        if (substantive)
        {
            foreach (var s in signed)
            {
                s.NeedsReconfirmation = true;
            }
        }

        ctx.Audit("memo.published", $"{memo.Code} v{version.Number}", memo.Id,
            before: new { Version = current.Number, current.ContentHash },
            after: new { Version = version.Number, version.ContentHash, Substantive = substantive, Suggested = said is null, Changes = comparison.Summary, MarkedForReconfirmation = substantive ? signed.Count : 0 });
        var queued = memo.Status == MemoStatus.Open ? await CirculationFeature.SendVersionAsync(ctx, links, memo, version, substantive, comparison.Summary, ct) : 0;
        await Cards.CardUpdates.QueueAsync(ctx, memo, null, ct); // the cards already delivered say they are superseded
        await ctx.SaveAsync(ct);

        var summary = new StringBuilder($"Version {version.Number} of {memo.Code} is published ({(substantive ? "substantive" : "minor")}, {version.ShortHash}). ");
        summary.Append("Changes: ").Append(comparison.Summary.TrimEnd('.')).Append('.');
        if (said is null)
        {
            summary.Append(" I judged it ").Append(substantive ? "substantive" : "minor").Append(" (").Append(comparison.Assessment.Reason.TrimEnd('.'))
                .Append(CultureInfo.InvariantCulture, $"); say `publish {memo.Code} substantive` or `minor` to decide yourself.");
        }
        if (substantive && signed.Count > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $" {Counted.Of(signed.Count, "signer")} {Counted.Be(signed.Count)} asked to re-confirm.");
        }
        else if (!substantive && signed.Count > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $" {Counted.Of(signed.Count, "sign-on")} {(signed.Count == 1 ? "carries" : "carry")} over.");
        }

        if (queued > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $" {Counted.Of(queued, "partner contact")} {Counted.Be(queued)} being told.");
        }

        summary.Append(CultureInfo.InvariantCulture, $" `diff {memo.Code}` shows the changes word by word.");
        return Message.Text(summary.ToString());
    }

    /// <summary>Compares two texts paragraph by paragraph and word by word (<see cref="MemoDiff"/>).</summary>
    public static MemoComparison Compare(string before, string after) =>
        MemoDiff.Compare(MemoDocument.Parse(before), MemoDocument.Parse(after));

    private static void RequireEditable(Memo memo)
    {
        if (memo.Status is MemoStatus.Closed or MemoStatus.Final)
        {
            throw new RefusalException($"{memo.Code} is {memo.Status.ToString().ToLowerInvariant()}. Type `reopen {memo.Code}` first to publish a new version.");
        }
    }

    private static string ValidateText(FormValues values)
    {
        var text = (values.Raw("text") ?? "").Replace("\r\n", "\n").Trim();
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (text.Length == 0)
        {
            values.Error("text", "Please give the memo's text.");
        }
        else if (bytes > MaxTextBytes)
        {
            values.Error("text", $"The memo text is {bytes / 1024:N0} KB; the limit is 200 KB. Shorten it or move annexes to a link.");
        }

        return text;
    }
}
