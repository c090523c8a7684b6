using System.Globalization;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;
using CoalitionBot.Documents;

namespace CoalitionBot.Core.Features;

/// <summary>Comments on a memo version, optionally on a paragraph (§n), with replies; coordinators resolve them.</summary>
public sealed class CommentFeature : IFeature
{
    public const int TextMax = 4000;

    public IEnumerable<Route> Routes =>
    [
        Route.Command(70, "comment", Permission.Member, "comment M-3 [§2] <text>", "Comment on a memo, or on one paragraph of it (§2 is the second paragraph).", CommentCommand),
        Route.Command(80, "comments", Permission.Member, "comments M-3 [all]", "A memo's comments by paragraph with their replies; resolved threads are counted, `all` shows them too.", ListComments),
        Route.Command(90, "reply", Permission.Member, "reply M-3 #4 <text>", "Reply to comment #4 of a memo.", Reply),
        Route.Command(210, "resolve", Permission.Coordinator, "resolve M-3 #4", "Mark comment #4 resolved (type it again to reopen it).", Resolve),
        Route.Action(ActionIds.Comment, Permission.Member, "Open the comment form.", CommentButton),
        Route.Form(FormIds.Comment, Permission.Member, "Store a comment.", SubmitComment),
    ];

    private static async Task<Reply> CommentCommand(RequestContext ctx, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        MemoViewFeature.RequireVisible(ctx, memo);
        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        if (rest.Length == 0)
        {
            return new OpenFormReply(CommentForm(memo, version));
        }

        int? paragraph = null;
        if (rest.StartsWith('§'))
        {
            var (anchor, text) = new CommandLine("", rest).SplitRest();
            paragraph = ParseParagraph(anchor, MemoDocument.Parse(version.Markdown).Paragraphs.Count)
                ?? throw new RefusalException($"{memo.Code} has paragraphs §1 to §{MemoDocument.Parse(version.Markdown).Paragraphs.Count}; \"{Memos.Shorten(anchor)}\" is not one of them.");
            rest = text;
        }

        if (rest.Length == 0)
        {
            throw new RefusalException($"What is your comment? Usage: `comment {memo.Code} §2 your text`.");
        }

        if (rest.Length > TextMax)
        {
            throw new RefusalException($"That comment is too long: at most {TextMax:N0} characters (this has {rest.Length:N0}).");
        }

        var comment = await AddAsync(ctx, memo, version, paragraph, null, rest, ct);
        return new MessageReply(Message.Text($"Thanks: your comment #{comment.Number} on {memo.Code}{Where(paragraph)} is stored and the coordinators will see it."));
    }

    private static async Task<Reply> CommentButton(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Action!.Value, ct);
        MemoViewFeature.RequireVisible(ctx, memo);
        return new OpenFormReply(CommentForm(memo, await Memos.CurrentVersionAsync(ctx, memo, ct)));
    }

    private static Form CommentForm(Memo memo, MemoVersion version)
    {
        var options = new List<FormOption> { new("The whole memo", "0") };
        options.AddRange(MemoDocument.Parse(version.Markdown).Paragraphs.Take(99)
            .Select(p => new FormOption(Memos.Shorten($"§{p.Number} {p.PlainText}", 75), p.Number.ToString(CultureInfo.InvariantCulture))));
        return new Form(FormIds.Comment, "Comment", "Send comment", memo.Code, [
            new FormField("paragraph", "Which part?", FormFieldKind.Choice, Required: true, Initial: "0", Options: options),
            new FormField("text", "Your comment", FormFieldKind.LongText, Required: true, MaxLength: TextMax),
        ], $"Comment on {memo.Code} \"{memo.Title}\", version {version.Number}.");
    }

    private static async Task<Reply> SubmitComment(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Submission!.Context, ct);
        MemoViewFeature.RequireVisible(ctx, memo);
        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var values = new FormValues(ctx.Submission);
        var text = values.Text("text", "Your comment", true, TextMax);
        var count = MemoDocument.Parse(version.Markdown).Paragraphs.Count;
        int? paragraph = null;
        if (values.Raw("paragraph") is { Length: > 0 } raw && raw != "0")
        {
            paragraph = ParseParagraph(raw, count);
            if (paragraph is null)
            {
                values.Error("paragraph", $"Choose the whole memo or a paragraph from §1 to §{count}.");
            }
        }

        if (!values.IsValid)
        {
            return new FormErrorsReply(CommentForm(memo, version), values.Errors);
        }

        var comment = await AddAsync(ctx, memo, version, paragraph, null, text, ct);
        return new FormAcceptedReply(Message.Text($"Thanks: your comment #{comment.Number} on {memo.Code}{Where(paragraph)} is stored and the coordinators will see it."));
    }

    private static async Task<Reply> Reply(RequestContext ctx, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        MemoViewFeature.RequireVisible(ctx, memo);
        var (number, text) = new CommandLine("", rest).SplitRest();
        var parent = await RequireCommentAsync(ctx, memo, number, ct);
        if (text.Length == 0 || text.Length > TextMax)
        {
            throw new RefusalException($"Usage: `reply {memo.Code} #{parent.Number} your text` (at most {TextMax:N0} characters).");
        }

        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var reply = await AddAsync(ctx, memo, version, parent.Paragraph, parent.Id, text, ct);
        return new MessageReply(Message.Text($"Your reply #{reply.Number} to comment #{parent.Number} on {memo.Code} is stored."));
    }

    private static async Task<Reply> Resolve(RequestContext ctx, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        var comment = await RequireCommentAsync(ctx, memo, rest, ct);
        comment.Resolved = !comment.Resolved;
        ctx.Audit(comment.Resolved ? "comment.resolved" : "comment.reopened", $"{memo.Code} #{comment.Number}", memo.Id);
        await ctx.SaveAsync(ct);
        return new MessageReply(Message.Text($"Comment #{comment.Number} on {memo.Code} is {(comment.Resolved ? "resolved" : "open again")}."));
    }

    private static async Task<Reply> ListComments(RequestContext ctx, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        MemoViewFeature.RequireVisible(ctx, memo);
        var comments = await ctx.Data.ListAsync(ctx.Data.Comments.Where(c => c.MemoId == memo.Id).OrderBy(c => c.Number), ct);
        if (comments.Count == 0)
        {
            return new MessageReply(Message.Text($"No comments on {memo.Code} yet. Add one with `comment {memo.Code} §2 your text`."));
        }

        var authorIds = comments.Select(c => c.AuthorId).Distinct().ToList();
        var authors = (await ctx.Data.ListAsync(ctx.Data.Contacts.Where(c => authorIds.Contains(c.Id)), ct)).ToDictionary(c => c.Id);
        var orgIds = authors.Values.Where(a => a.OrganisationId is not null).Select(a => a.OrganisationId!.Value).Distinct().ToList();
        var orgs = (await ctx.Data.ListAsync(ctx.Data.Organisations.Where(o => orgIds.Contains(o.Id)), ct)).ToDictionary(o => o.Id, o => o.Name);
        string Author(Comment c) => authors.GetValueOrDefault(c.AuthorId)?.Name ?? "someone";
        string Organisation(Comment c) => authors.GetValueOrDefault(c.AuthorId) switch
        {
            { OrganisationId: { } o } when orgs.TryGetValue(o, out var name) => name,
            { IsCoordinator: true } => "coordinator",
            _ => "no organisation",
        };

        // The digest has no numbers of its own; people need them for `reply` and `resolve`, so they lead each text.
        var threads = comments.Where(c => c.ParentId is null).Select(c => new MemoComment(
            c.Paragraph, Author(c), Organisation(c), $"#{c.Number} (v{c.VersionNumber}) {c.Text}",
            comments.Where(r => r.ParentId == c.Id).Select(r => new MemoCommentReply(Author(r), Organisation(r), $"#{r.Number} {r.Text}", r.At)).ToList(),
            c.Resolved, c.At)).ToList();
        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var all = rest.Equals("all", StringComparison.OrdinalIgnoreCase);
        var zone = TimeZones.Find(ctx.Me?.TimeZone ?? memo.TimeZone);
        var digest = CommentDigest.ToPlainText(MemoDocument.Parse(version.Markdown), threads, new CommentDigestOptions(IncludeResolved: all, TimeZone: zone));
        var hint = threads.Any(t => t.Resolved) && !all ? $"\n`comments {memo.Code} all` shows resolved threads too." : "";
        return new MessageReply(new Message($"{Counted.Of(threads.Count, "comment thread")} on {memo.Code}", [
            new TextBlock($"Comments on {memo.Code}: {memo.Title} (quotes from version {version.Number}, times in {zone.Id})", Strong: true),
            new TextBlock(digest.TrimEnd() + hint),
        ]));
    }

    private static async Task<Comment> AddAsync(RequestContext ctx, Memo memo, MemoVersion version, int? paragraph, Guid? parentId, string text, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var last = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Comments.Where(c => c.MemoId == memo.Id).OrderByDescending(c => c.Number).Select(c => (int?)c.Number), ct);
            var comment = new Comment
            {
                MemoId = memo.Id,
                Number = (last ?? 0) + 1,
                VersionNumber = version.Number,
                Paragraph = paragraph,
                ParentId = parentId,
                Text = text,
                AuthorId = ctx.MeOrThrow.Id,
                At = ctx.Now,
            };
            ctx.Data.Add(comment);
            ctx.Audit(parentId is null ? "comment.added" : "comment.replied", $"{memo.Code} #{comment.Number}{Where(paragraph)}", memo.Id, after: new { comment.Paragraph, comment.Text });
            try
            {
                await ctx.SaveAsync(ct);
                return comment;
            }
            catch (Data.UniqueConflictException) when (attempt < 5)
            {
                // Someone else took this comment number at the same moment: take the next one.
            }
        }
    }

    private static async Task<Comment> RequireCommentAsync(RequestContext ctx, Memo memo, string number, CancellationToken ct)
    {
        if (!int.TryParse(number.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new RefusalException($"Which comment? Give its number, like `#4`. Type `comments {memo.Code}` to see them.");
        }

        return await ctx.Data.FirstOrDefaultAsync(ctx.Data.Comments.Where(c => c.MemoId == memo.Id && c.Number == n), ct)
            ?? throw new RefusalException($"{memo.Code} has no comment #{n}. Type `comments {memo.Code}` to see them.");
    }

    private static int? ParseParagraph(string anchor, int count) =>
        int.TryParse(anchor.TrimStart('§'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= count ? n : null;

    private static string Where(int? paragraph) => paragraph is { } p ? $" (§{p})" : "";
}
