using CoalitionBot.Core.Conversation;
using Microsoft.Extensions.Logging;

namespace CoalitionBot.Core.Receiving;

/// <summary>Log lines of the receiver kit's generic types (the source generator does not serve generic classes).</summary>
internal static partial class ReceivingLog
{
    [LoggerMessage(EventId = LogEvents.LateAck, Level = LogLevel.Warning, Message = "{Platform} {Kind} acknowledged after {ElapsedMs:0} ms, past the platform's {DeadlineMs:0} ms deadline: the platform may retry it or show the person an error")]
    public static partial void LateAck(ILogger logger, Platform platform, string kind, double elapsedMs, double deadlineMs);
}
