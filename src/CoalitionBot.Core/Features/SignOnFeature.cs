using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>
/// Signing, declining and withdrawing. One sign-on per organisation (or person) per memo, enforced by the
/// store's unique key: a second answer updates the first, audited, and concurrent answers never duplicate.
/// </summary>
public sealed class SignOnFeature : IFeature
{
    public const int NameMax = Documents.DirectoryLimits.NameMax;
    public const int ReasonMax = 2000;

    public IEnumerable<Route> Routes =>
    [
        Route.Command(40, "sign", Permission.Member, "sign M-3 [for <organisation>]",
            "Sign on to a memo for your organisation (opens a short form). Coordinators can record a sign-on for a partner with `for <organisation>`.", SignCommand),
        Route.Command(50, "decline", Permission.Member, "decline M-3 [reason]", "Say your organisation will not sign, optionally with a reason.", DeclineCommand),
        Route.Command(60, "withdraw", Permission.Member, "withdraw M-3 [reason]", "Take back your organisation's signature.", WithdrawCommand),
        Route.Action(ActionIds.Sign, Permission.Member, "Open the sign-on form.", SignButton),
        Route.Action(ActionIds.Decline, Permission.Member, "Open the decline form.", DeclineButton),
        Route.Form(FormIds.SignOn, Permission.Member, "Record a sign-on.", SubmitSignOn),
        Route.Form(FormIds.Decline, Permission.Member, "Record a decline.", SubmitDecline),
    ];

    private static async Task<Reply> SignCommand(RequestContext ctx, CancellationToken ct)
    {
        var (code, rest) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        Organisation? onBehalfOf = null;
        if (rest.StartsWith("for ", StringComparison.OrdinalIgnoreCase))
        {
            Permission.Coordinator.Demand(ctx, Signers.OnBehalf);

            onBehalfOf = await PartnersFeature.RequireOrganisationAsync(ctx, rest[4..], ct);
        }
        else if (rest.Length > 0)
        {
            throw new RefusalException($"I didn't understand \"{Memos.Shorten(rest)}\". Usage: `sign {memo.Code}` or, for coordinators, `sign {memo.Code} for <organisation>`.");
        }

        return await OpenFormAsync(ctx, memo, onBehalfOf, ct);
    }

    private static async Task<Reply> SignButton(RequestContext ctx, CancellationToken ct) =>
        await OpenFormAsync(ctx, await Memos.RequireAsync(ctx, ctx.Action!.Value, ct), null, ct);

    private static async Task<Reply> OpenFormAsync(RequestContext ctx, Memo memo, Organisation? onBehalfOf, CancellationToken ct)
    {
        var signer = await Signers.ResolveAsync(ctx, memo, onBehalfOf, ct);
        RequireAccepting(memo, ctx.Now);
        var existing = await ctx.Data.FirstOrDefaultAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == signer.Key), ct);
        return new OpenFormReply(await SignOnFormAsync(ctx, memo, signer, existing, ct));
    }

    private static async Task<Form> SignOnFormAsync(RequestContext ctx, Memo memo, Signer signer, SignOn? existing, CancellationToken ct)
    {
        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        string? intro = null;
        if (existing is { State: SignOnState.Signed })
        {
            var who = await ctx.Data.FirstOrDefaultAsync(ctx.Data.Contacts.Where(c => c.Id == existing.ActorId).Select(c => c.Name), ct) ?? "someone";
            intro = $"{signer.Name} already signed {memo.Code}: {who} signed on {TimeZones.Describe(existing.At, ctx.Me?.TimeZone)}"
                + (existing.SignatoryName is null ? "" : $" as {existing.SignatoryName}, {existing.SignatoryTitle}")
                + (SamePerson(ctx, existing) ? ". Submitting this form updates your sign-on" : ". Submitting this form replaces that sign-on with yours")
                + "; it never adds a second one.";
        }

        // The signatory is the person submitting: a second contact of the organisation never inherits the first signer's name and title.
        var mine = existing is not null && SamePerson(ctx, existing) ? existing : null;

        intro ??= $"You are signing {memo.Code} \"{memo.Title}\" (version {version.Number} · {version.ShortHash})" + (signer.OnBehalf ? $" on behalf of {signer.Name}." : $" for {signer.Name}.");
        var categories = ctx.CoalitionOrThrow.Categories.Select(c => new FormOption(c, c)).ToList();
        var attestation = memo.Mode == SignOnMode.Individuals
            ? "I confirm I am signing this memo in my own name."
            : signer.OnBehalf ? $"I confirm {signer.Name} authorised this sign-on." : $"I confirm I am authorised to sign this memo on behalf of {signer.Name}.";
        return new Form(FormIds.SignOn, "Sign on", "Sign on", signer.Context(memo), [
            new FormField("display_name", "Name as it should appear", FormFieldKind.ShortText, Required: true, MaxLength: NameMax,
                Initial: existing?.DisplayName is { Length: > 0 } d ? d : signer.Name, Hint: "Exactly as it should be printed under the memo."),
            new FormField("signatory_name", "Signatory name", FormFieldKind.ShortText, Required: true, MaxLength: NameMax,
                Initial: mine?.SignatoryName ?? (signer.OnBehalf ? null : ctx.Me?.Name)),
            new FormField("signatory_title", "Signatory title", FormFieldKind.ShortText, Required: true, MaxLength: NameMax,
                Initial: mine?.SignatoryTitle, Hint: "For example: Executive Director"),
            new FormField("category", "Category", FormFieldKind.Choice, Required: true, Initial: signer.Category ?? existing?.Category, Options: categories,
                Hint: signer.Category is null ? null : "The partner directory's category is used on the list; choosing another asks the coordinators to change it."),
            new FormField("attest", attestation, FormFieldKind.Checkbox, Required: true),
        ], intro);
    }

    private static async Task<Reply> SubmitSignOn(RequestContext ctx, CancellationToken ct)
    {
        var submission = ctx.Submission!;
        var (memo, signer) = await Signers.FromContextAsync(ctx, submission.Context, accepting: true, ct);
        var values = new FormValues(submission);
        var (displayName, signatoryName, title) = SignOnFields.Read(values);
        var category = ctx.CoalitionOrThrow.FindCategory(values.Raw("category"));
        if (category is null)
        {
            values.Error("category", "Please choose one of the coalition's categories.");
        }

        if (!values.IsValid)
        {
            var existing = await ctx.Data.FirstOrDefaultAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == signer.Key), ct);
            return new FormErrorsReply(await SignOnFormAsync(ctx, memo, signer, existing, ct), values.Errors);
        }

        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        var saved = await SaveAnswerAsync(ctx, memo, signer, ct, s =>
        {
            s.State = SignOnState.Signed;
            s.DisplayName = displayName;
            s.SignatoryName = signatoryName;
            s.SignatoryTitle = title;
            s.Category = signer.Category ?? category;
            s.Attested = true;
            s.VersionNumber = version.Number;
            s.VersionHash = version.ContentHash;
            s.NeedsReconfirmation = false;
            s.Reason = null;
        }, () => CategoryRequests.RecordAsync(ctx, memo, signer, category, ct));
        var text = saved.AwaitingApproval
            ? $"Thank you. {memo.Code} is {(saved.LateAfterClosing ? "closed" : "past its deadline")}, so {signer.Name}'s sign-on as \"{displayName}\" is recorded and waits for a coordinator's approval."
            : $"Thank you: {signer.Name} has signed {memo.Code} as \"{displayName}\"" + (saved.LateAfterClosing ? " (after the memo was closed, marked late)." : saved.Late ? " (after the deadline, marked late)." : ".");
        return new FormAcceptedReply(new Message(text, [new TextBlock(text), new FieldsBlock(MemoCards.Facts(memo, version, saved))]));
    }

    private static async Task<Reply> DeclineCommand(RequestContext ctx, CancellationToken ct)
    {
        var (code, reason) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        return await DeclineAsync(ctx, memo, await Signers.ResolveAsync(ctx, memo, null, ct), reason, ct);
    }

    private static async Task<Reply> DeclineButton(RequestContext ctx, CancellationToken ct)
    {
        var memo = await Memos.RequireAsync(ctx, ctx.Action!.Value, ct);
        var signer = await Signers.ResolveAsync(ctx, memo, null, ct);
        RequireAnswerable(memo);
        return new OpenFormReply(DeclineForm(memo, signer));
    }

    private static Form DeclineForm(Memo memo, Signer signer) =>
        new(FormIds.Decline, "Decline", "Decline", signer.Context(memo), [
            new FormField("reason", "Reason (optional, seen by coordinators)", FormFieldKind.LongText, MaxLength: ReasonMax),
        ], $"{signer.Name} will not sign {memo.Code} \"{memo.Title}\".");

    private static async Task<Reply> SubmitDecline(RequestContext ctx, CancellationToken ct)
    {
        var submission = ctx.Submission!;
        var (memo, signer) = await Signers.FromContextAsync(ctx, submission.Context, accepting: false, ct);
        var values = new FormValues(submission);
        var reason = values.Text("reason", "Reason", false, ReasonMax);
        if (!values.IsValid)
        {
            return new FormErrorsReply(DeclineForm(memo, signer), values.Errors);
        }

        var reply = (MessageReply)await DeclineAsync(ctx, memo, signer, reason, ct);
        return new FormAcceptedReply(reply.Message);
    }

    private static async Task<Reply> DeclineAsync(RequestContext ctx, Memo memo, Signer signer, string reason, CancellationToken ct)
    {
        RequireAnswerable(memo);
        if (reason.Length > ReasonMax)
        {
            throw new RefusalException($"That reason is too long: keep it under {ReasonMax:N0} characters.");
        }

        var version = await Memos.CurrentVersionAsync(ctx, memo, ct);
        await SaveAnswerAsync(ctx, memo, signer, ct, s =>
        {
            s.State = SignOnState.Declined;
            s.DisplayName = s.DisplayName.Length > 0 ? s.DisplayName : signer.Name;
            s.VersionNumber = version.Number;
            s.VersionHash = version.ContentHash;
            s.NeedsReconfirmation = false;
            s.AwaitingApproval = false;
            s.Reason = reason.Length > 0 ? reason : null;
        });
        return new MessageReply(Message.Text($"Noted: {signer.Name} declines {memo.Code}. You won't get reminders for it. Changed your mind? Type `sign {memo.Code}`."));
    }

    private static async Task<Reply> WithdrawCommand(RequestContext ctx, CancellationToken ct)
    {
        var (code, reason) = ctx.Command.SplitRest();
        var memo = await Memos.RequireAsync(ctx, code, ct);
        var signer = await Signers.ResolveAsync(ctx, memo, null, ct);
        RequireAnswerable(memo);
        var existing = await ctx.Data.FirstOrDefaultAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == signer.Key), ct);
        if (existing is not { State: SignOnState.Signed })
        {
            throw new RefusalException($"{signer.Name} has not signed {memo.Code}, so there is nothing to withdraw.");
        }

        await SaveAnswerAsync(ctx, memo, signer, ct, s =>
        {
            s.State = SignOnState.Withdrawn;
            s.AwaitingApproval = false;
            s.NeedsReconfirmation = false;
            s.Reason = reason.Length > 0 ? Memos.Shorten(reason, ReasonMax) : null;
        });
        return new MessageReply(Message.Text($"{signer.Name}'s signature on {memo.Code} is withdrawn; it will not appear on the list. To sign again, type `sign {memo.Code}`."));
    }

    /// <summary>
    /// Inserts or updates the one answer for this signer, audited. A unique-key conflict means another request
    /// inserted it first: start again from the stored row, so concurrent answers end as one row.
    /// </summary>
    private static async Task<SignOn> SaveAnswerAsync(RequestContext ctx, Memo memo, Signer signer, CancellationToken ct, Action<SignOn> apply, Func<Task>? alongside = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await ctx.Data.FirstOrDefaultAsync(ctx.Data.SignOns.Where(s => s.MemoId == memo.Id && s.SignerKey == signer.Key), ct);
            var before = existing is null ? null : Snapshot(existing);
            var signOn = existing ?? new SignOn { MemoId = memo.Id, SignerKey = signer.Key, OrganisationId = signer.OrganisationId, Category = signer.Category };
            apply(signOn);
            signOn.ActorId = ctx.MeOrThrow.Id;
            signOn.OnBehalf = signer.OnBehalf;
            signOn.At = ctx.Now;
            var late = memo.IsLateAt(ctx.Now);
            signOn.Late = signOn.State == SignOnState.Signed && late;
            signOn.LateAfterClosing = signOn.Late && memo.IsClosedBeforeDeadlineAt(ctx.Now);
            signOn.AwaitingApproval = signOn.State == SignOnState.Signed && late && memo.LatePolicy == LatePolicy.HoldForApproval;
            if (existing is null)
            {
                ctx.Data.Add(signOn);
            }

            var action = "signon." + signOn.State.ToString().ToLowerInvariant() + (existing is null ? "" : ".updated");
            ctx.Audit(action, $"{memo.Code} / {signer.Name}", memo.Id, before, Snapshot(signOn));

            // Whatever the answer, the reminders queued for this signer are no longer wanted: cancelled in the same transaction.
            await AnsweredReminders.CancelAsync(ctx, memo, signer, ct);
            await Cards.CardUpdates.QueueAsync(ctx, memo, signer.Key, ct); // the cards of this memo sent to the signer's organisation show the answer
            if (alongside is not null)
            {
                await alongside();
            }

            try
            {
                await ctx.SaveAsync(ct);
                return signOn;
            }
            catch (UniqueConflictException) when (attempt < 5)
            {
                // Another request stored this signer's answer first; apply ours on top of it.
            }
        }
    }

    private static bool SamePerson(RequestContext ctx, SignOn signOn) => ctx.Me is { } me && signOn.ActorId == me.Id;

    private static object Snapshot(SignOn s) => new
    {
        State = s.State.ToString(), s.DisplayName, s.SignatoryName, s.SignatoryTitle, s.Category, s.Attested,
        s.VersionNumber, s.VersionHash, s.Late, s.AwaitingApproval, s.NeedsReconfirmation, s.Reason, s.OnBehalf,
    };

    internal static void RequireAnswerable(Memo memo)
    {
        switch (memo.Status)
        {
            case MemoStatus.Draft:
                throw new RefusalException($"{memo.Code} is not open for sign-on yet.");
            case MemoStatus.Final:
                throw new RefusalException($"{memo.Code} is final: its list has been compiled. Ask a coordinator if something must change.");
        }
    }

    internal static void RequireAccepting(Memo memo, DateTimeOffset now)
    {
        RequireAnswerable(memo);
        if (memo.IsLateAt(now) && memo.LatePolicy == LatePolicy.Reject)
        {
            throw new RefusalException(memo.Status == MemoStatus.Closed
                ? $"{memo.Code} is closed and no longer accepts sign-ons. Contact a coordinator if this matters."
                : $"{memo.Code}'s deadline has passed and it no longer accepts sign-ons. Contact a coordinator if this matters.");
        }
    }
}
