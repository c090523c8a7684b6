using CoalitionBot.Core.Domain;

namespace CoalitionBot.Core.Dashboard;

/// <summary>
/// The dashboard's word for an answer. Routes are not named here: the board shows the route a delivery recorded
/// (<see cref="Delivery.Route"/>, in <see cref="Reach.ContactRoutes"/>' words), so it reads like chat's `partners` and `status`.
/// </summary>
public static class RouteNames
{
    public static Answer AnswerOf(SignOn signOn) => signOn.State switch
    {
        SignOnState.Signed when signOn.NeedsReconfirmation => Answer.NeedsReconfirmation,
        SignOnState.Signed when signOn.AwaitingApproval => Answer.AwaitingApproval,
        SignOnState.Signed => Answer.Signed,
        SignOnState.Declined => Answer.Declined,
        _ => Answer.Withdrawn,
    };
}
