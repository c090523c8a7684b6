using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>The words the dashboard uses for a route (the platform a delivery went by, or an answer came from).</summary>
public static class RouteNames
{
    public static string Of(Platform platform) => platform switch
    {
        Platform.Slack => "Slack",
        Platform.Teams => "Teams",
        Platform.Email => "e-mail link",
        _ => "web playground",
    };

    public static Answer AnswerOf(SignOn signOn) => signOn.State switch
    {
        SignOnState.Signed when signOn.NeedsReconfirmation => Answer.NeedsReconfirmation,
        SignOnState.Signed when signOn.AwaitingApproval => Answer.AwaitingApproval,
        SignOnState.Signed => Answer.Signed,
        SignOnState.Declined => Answer.Declined,
        _ => Answer.Withdrawn,
    };
}
