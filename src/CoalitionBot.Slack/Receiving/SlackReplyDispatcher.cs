using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Receiving;
using CoalitionBot.Core.Replies;
using CoalitionBot.Slack.Api;
using CoalitionBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Slack.Receiving;

/// <summary>Turns a neutral reply into the ack (what may ride in it) and the follow-up calls (what may not).</summary>
internal sealed partial class SlackReplyDispatcher(
    SlackApiClient api,
    SlackReplySender sender,
    WorkQueues queues,
    ILogger<SlackReplyDispatcher> log,
    CoalitionBot.Core.Downloads.IDownloadFileSource? files = null)
{
    private readonly WorkQueue queue = queues[Platform.Slack];

    /// <summary>Acks the handler's reply through <paramref name="ack"/>; a form to open is opened right after the ack.</summary>
    internal async Task AnswerAsync(Reply reply, ReplyContext context, Acknowledgement<SlackAck> ack)
    {
        if (reply is not OpenFormReply open || context.Origin == ReplyOrigin.ViewSubmission)
        {
            await ack.AckAsync(Ack(reply, context)).ConfigureAwait(false);
            return;
        }

        // The ack must not wait for views.open (a slow one made it late); the trigger_id stays valid for 3 s from
        // issue either way. If it expired meanwhile, say so where the person is.
        await ack.AckAsync(SlackAck.Empty).ConfigureAwait(false);
        if (!await TryOpenFormAsync(open.Form, context, CancellationToken.None).ConfigureAwait(false)
            && !queue.TryEnqueue(ct => DeliverAsync(FormFailedMessage(open.Form), false, context, ct)))
        {
            LogQueueFull(log);
        }
    }

    private SlackAck Ack(Reply reply, ReplyContext context)
    {
        switch (reply)
        {
            case DuplicateReply:
                return SlackAck.Empty;
            case OpenFormReply open:
                return SlackAck.Json(new JsonObject { ["response_action"] = "update", ["view"] = ModalRenderer.Render(open.Form, context.ChannelId) });
            case FormErrorsReply errors when context.Origin == ReplyOrigin.ViewSubmission:
                return SlackAck.Json(ErrorsBody(errors));
            case FormErrorsReply errors:
                return Later(ErrorsMessage(errors), false, context);
            case MessageReply message:
                QueueUploads(message.Message, context);
                return Later(message.Message, message.Public, context);
            case FormAcceptedReply accepted:
                return Later(accepted.Confirmation, false, context);
            default:
                return SlackAck.Empty;
        }
    }

    /// <summary>
    /// Slack gets the files behind our download links as uploads in the person's DM (files.getUploadURLExternal,
    /// then files.completeUploadExternal): a Socket Mode bot often has no address their browser could reach.
    /// </summary>
    private void QueueUploads(Message message, ReplyContext context)
    {
        var links = message.Blocks.OfType<ButtonsBlock>().SelectMany(b => b.Buttons)
            .Where(b => b.Url?.Contains(CoalitionBot.Core.Downloads.DownloadLinks.Path, StringComparison.Ordinal) == true).ToList();
        if (files is not null && links.Count > 0 && !queue.TryEnqueue(ct => UploadAsync(links, context, ct)))
        {
            LogQueueFull(log);
        }
    }

    private async Task UploadAsync(IReadOnlyList<Button> links, ReplyContext context, CancellationToken cancellationToken)
    {
        try
        {
            var channel = await api.OpenConversationAsync(context.UserId, cancellationToken).ConfigureAwait(false);
            foreach (var link in links)
            {
                if (await files!.FromLinkAsync(link.Url!, cancellationToken).ConfigureAwait(false) is { } file)
                {
                    await api.UploadFileAsync(channel, file.FileName, file.Content, file.FileName, null, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SlackApiException or SlackTransientException or HttpRequestException)
        {
            LogUploadFailed(log, ex.Message);
        }
    }

    /// <summary>The handler missed the ack window: deliver its answer through the API when it comes.</summary>
    internal void FollowUpLater(Task<Reply> handling, ReplyContext context) => _ = QueueWhenDoneAsync(handling, context);

    /// <summary>Waits for the slow handler outside the work queue, so slow handlers never hold its workers.</summary>
    private async Task QueueWhenDoneAsync(Task<Reply> handling, ReplyContext context)
    {
        await ((Task)handling).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (handling.IsFaulted)
        {
            LogLateHandlerFailed(log, handling.Exception.InnerException ?? handling.Exception);
            return;
        }

        if (handling.IsCompletedSuccessfully && !queue.TryEnqueue(ct => FollowUpAsync(handling, context, ct)))
        {
            LogQueueFull(log);
        }
    }

    /// <summary>
    /// Queues the answer to an item handled after its ack (a journaled sign-on) as work of its own, so the worker that
    /// handled it goes on to the next one instead of waiting for Slack's rate limits to let the message through.
    /// </summary>
    internal Task FollowUpQueued(Reply reply, ReplyContext context)
    {
        if (reply is not DuplicateReply && !queue.TryEnqueue(ct => DeliverEventReplyAsync(reply, context, ct)))
        {
            LogQueueFull(log);
        }

        return Task.CompletedTask;
    }

    /// <summary>Answers an Events API item (no trigger, no response_url): in the DM or channel it came from.</summary>
    internal Task DeliverEventReplyAsync(Reply reply, ReplyContext context, CancellationToken cancellationToken) => reply switch
    {
        MessageReply message => DeliverWithUploadsAsync(message, context, cancellationToken),
        FormAcceptedReply accepted => DeliverAsync(accepted.Confirmation, false, context, cancellationToken),
        FormErrorsReply errors => DeliverAsync(ErrorsMessage(errors), false, context, cancellationToken),
        OpenFormReply open => DeliverAsync(OpenFormButton(open.Form, context.CommandText ?? string.Empty), false, context, cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task DeliverWithUploadsAsync(MessageReply message, ReplyContext context, CancellationToken cancellationToken)
    {
        QueueUploads(message.Message, context);
        return DeliverAsync(message.Message, message.Public, context, cancellationToken);
    }

    private SlackAck Later(Message message, bool isPublic, ReplyContext context)
    {
        if (context.Origin == ReplyOrigin.Command)
        {
            var ack = SlackAck.Json(SlackReplySender.InlineBody(message, isPublic));
            if (SlackReplySender.PartCount(message) > 1 && context.ResponseUrl is { } url)
            {
                queue.TryEnqueue(ct => sender.RespondAsync(url, message, isPublic, 1, context.UserId, context.ChannelId, ct));
            }

            return ack;
        }

        if (!queue.TryEnqueue(ct => DeliverAsync(message, isPublic, context, ct)))
        {
            LogQueueFull(log);
        }

        return SlackAck.Empty;
    }

    private async Task FollowUpAsync(Task<Reply> handling, ReplyContext context, CancellationToken cancellationToken)
    {
        var reply = await handling.ConfigureAwait(false);
        switch (reply)
        {
            case OpenFormReply open when !await TryOpenFormAsync(open.Form, context, cancellationToken).ConfigureAwait(false):
                await DeliverAsync(FormFailedMessage(open.Form), false, context, cancellationToken).ConfigureAwait(false);
                break;
            case FormErrorsReply errors:
                // The modal closed when we acked empty; say what was wrong so nothing is silently lost.
                await DeliverAsync(ErrorsMessage(errors), false, context with { ResponseUrl = null }, cancellationToken).ConfigureAwait(false);
                break;
            case MessageReply message:
                await DeliverWithUploadsAsync(message, context, cancellationToken).ConfigureAwait(false);
                break;
            case FormAcceptedReply accepted:
                await DeliverAsync(accepted.Confirmation, false, context, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task DeliverAsync(Message message, bool isPublic, ReplyContext context, CancellationToken cancellationToken)
    {
        if (context.ResponseUrl is { } url)
        {
            await sender.RespondAsync(url, message, isPublic, 0, context.UserId, context.ChannelId, cancellationToken).ConfigureAwait(false);
        }
        else if (context.ChannelId is { } channel && !context.IsDirect)
        {
            if (isPublic)
            {
                await sender.PostAsync(channel, message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await sender.PostEphemeralAsync(channel, context.UserId, message, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await sender.PostAsync(context.ChannelId ?? context.UserId, message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryOpenFormAsync(Form form, ReplyContext context, CancellationToken cancellationToken)
    {
        if (context.TriggerId is null)
        {
            return false;
        }

        try
        {
            var view = ModalRenderer.Render(form, context.ChannelId);
            if (context.ViewType == "modal")
            {
                await api.PushViewAsync(context.TriggerId, view, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await api.OpenViewAsync(context.TriggerId, view, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception ex) when (ex is SlackApiException or SlackTransientException)
        {
            LogOpenFormFailed(log, form.FormId, ex.Message);
            return false;
        }
    }

    private static JsonObject ErrorsBody(FormErrorsReply reply)
    {
        var ids = reply.Form.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new JsonObject();
        foreach (var (field, text) in reply.Errors)
        {
            // Slack rejects errors for block ids that are not in the view: put strays on the first field.
            var key = ids.Contains(field) ? field : reply.Form.Fields.FirstOrDefault()?.Id;
            if (key is not null)
            {
                errors[key] = errors[key] is null ? text : (string?)errors[key] + " " + text;
            }
        }

        return new JsonObject { ["response_action"] = "errors", ["errors"] = errors };
    }

    private static Message ErrorsMessage(FormErrorsReply reply)
    {
        var labels = reply.Form.Fields.ToDictionary(f => f.Id, f => f.Label, StringComparer.Ordinal);
        var lines = reply.Errors.Select(e => $"{labels.GetValueOrDefault(e.Key, e.Key)}: {e.Value}");
        return Message.Text($"“{reply.Form.Title}” was not saved:\n" + string.Join('\n', lines));
    }

    private static Message FormFailedMessage(Form form) =>
        Message.Text($"Slack did not let me open “{form.Title}” in time. Please try again.");

    private static Message OpenFormButton(Form form, string commandText) => new(
        form.Title,
        [
            new TextBlock($"{form.Title}: press the button to open the form."),
            new ButtonsBlock([new Button("Open the form", SlackInboundProcessor.OpenFormActionId, commandText, ButtonStyle.Primary)]),
        ]);

    [LoggerMessage(EventId = LogEvents.OpenFormFailed, Level = LogLevel.Warning, Message = "Could not open form {FormId}: {Reason}")]
    private static partial void LogOpenFormFailed(ILogger logger, string formId, string reason);

    [LoggerMessage(EventId = LogEvents.LateHandlerFailed, Level = LogLevel.Error, Message = "A slow handler failed after the ack; the person got no answer")]
    private static partial void LogLateHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = LogEvents.QueueFull, Level = LogLevel.Error, Message = "Slack work queue is full: a reply was dropped")]
    private static partial void LogQueueFull(ILogger logger);

    [LoggerMessage(EventId = LogEvents.UploadFailed, Level = LogLevel.Warning, Message = "Uploading a compiled file to Slack failed: {Reason}")]
    private static partial void LogUploadFailed(ILogger logger, string reason);
}
