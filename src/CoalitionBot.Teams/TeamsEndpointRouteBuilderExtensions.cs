using CoalitionBot.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Teams messaging endpoint.</summary>
public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /api/messages</c>, the Azure Bot "messaging endpoint". Requires <c>AddTeams</c>.</summary>
    public static IEndpointConventionBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost("/api/messages", static (HttpContext context, TeamsActivityEndpoint endpoint) => endpoint.HandleAsync(context))
            .WithName("TeamsMessages")
            .DisableAntiforgery();
    }
}
