using System.Text;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Core.Replies;
using CoalitionBot.Core.Routing;

namespace CoalitionBot.Core.Features;

/// <summary>`help` and the answer to anything the router does not understand.</summary>
public sealed class HelpFeature(IServiceProvider services) : IFeature
{
    public IEnumerable<Route> Routes =>
    [
        Route.Command(10, "help", Permission.Anyone, "help [command]", "Show what you can ask me, or how to use one command.", Help),
    ];

    private Task<Reply> Help(RequestContext ctx, CancellationToken ct)
    {
        var router = (Router)services.GetService(typeof(Router))!;
        var topic = ctx.Command.Rest.Trim().ToLowerInvariant();
        if (topic.Length > 0 && router.Find(RouteKind.Command, topic) is { } route)
        {
            var text = new StringBuilder().Append(route.Usage).Append('\n').Append(route.Help);
            foreach (var sub in router.SubcommandsOf(route).Where(r => r.Permission.Allows(ctx)))
            {
                text.Append("\n• ").Append(sub.Usage).Append(" — ").Append(sub.Help);
            }

            return Task.FromResult<Reply>(new MessageReply(Message.Text(text.ToString())));
        }

        return Task.FromResult<Reply>(new MessageReply(Overview(router, ctx)));
    }

    /// <summary>What to say when nothing matched: the command's help when the word is close, else the overview.</summary>
    public static Reply Unknown(Router router, InboundContent content, RequestContext ctx)
    {
        var lead = content switch
        {
            CommandText c => $"I don't know the command `{Memos.Shorten(CommandLine.Parse(c.Text).Word)}`.",
            ButtonAction => "That button is no longer in use. Here is what you can do:",
            _ => "I couldn't use that form. Here is what you can do:",
        };
        var overview = Overview(router, ctx);
        return new MessageReply(new Message(lead, [new TextBlock(lead), .. overview.Blocks]));
    }

    public static Message Overview(Router router, RequestContext ctx)
    {
        var text = new StringBuilder();
        foreach (var route in router.TopCommands.Where(r => r.Permission.Allows(ctx)))
        {
            text.Append(route.Usage).Append(" — ").AppendLine(route.Help);
        }

        var blocks = new List<Block> { new TextBlock("CoalitionBot: sign-on memos for our coalition", Strong: true), new TextBlock(text.ToString().TrimEnd()) };
        if (ctx.Coalition is null)
        {
            blocks.Add(new TextBlock("No coalition is set up yet: type `setup` to start one and become its coordinator."));
        }
        else if (ctx.Me is null)
        {
            blocks.Add(new TextBlock("I don't know you yet: ask a coordinator to add you to the partner directory."));
        }

        blocks.Add(new TextBlock("Type `help <command>` for details, for example `help sign`. In Slack, put `/memo` first (`/memo sign M-3`) or write to the bot in a direct message; in Teams, write in your chat with the bot or mention it in a channel."));
        return new Message("What you can ask CoalitionBot", blocks);
    }
}
