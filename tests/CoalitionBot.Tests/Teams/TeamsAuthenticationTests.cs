using System.Net;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Messages;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Teams;

public sealed class TeamsAuthenticationTests
{
    [Fact]
    public async Task Activity_WithAWrongToken_Is401AndChangesNothing()
    {
        await using var host = await TeamsHost.StartAsync();
        var mallory = host.User("Mallory", "mallory@example.org");
        var wrong = new TokenFlavour?[]
        {
            null, TokenFlavour.WrongAudience, TokenFlavour.WrongIssuer, TokenFlavour.Expired, TokenFlavour.NotYetValid, TokenFlavour.WrongServiceUrl,
            TokenFlavour.UnknownKey, TokenFlavour.Unsigned, TokenFlavour.SymmetricAlgorithm,
        };

        foreach (var flavour in wrong)
        {
            // Both paths: a message (queued after the answer) and an invoke (handled while Teams waits).
            using var message = await host.PostAsync(mallory.Activity("setup Hijacked Coalition"), flavour);
            using var invoke = await host.PostAsync(mallory.Invoke(ActionIds.Status, "M-1"), flavour);
            Assert.True(message.StatusCode == HttpStatusCode.Unauthorized, $"{flavour?.ToString() ?? "no token"}: {message.StatusCode}");
            Assert.True(invoke.StatusCode == HttpStatusCode.Unauthorized, $"{flavour?.ToString() ?? "no token"}: {invoke.StatusCode}");
            Assert.Empty(await invoke.Content.ReadAsByteArrayAsync());
        }

        // A key Bot Framework publishes, but not endorsed for msteams: 403, as PROTOCOLS.md says.
        using (var unendorsed = await host.PostAsync(mallory.Activity("setup Hijacked Coalition"), TokenFlavour.UnendorsedKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, unendorsed.StatusCode);
        }

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            Assert.Equal(0, await db.Coalitions.CountAsync());
            Assert.Equal(0, await db.Contacts.CountAsync());
            Assert.Equal(0, await db.Identities.CountAsync());
            Assert.Equal(0, await db.AuditEvents.CountAsync());
            Assert.Equal(0, await db.ProcessedInbound.CountAsync());
        }

        Assert.Empty(host.Simulator.Activities);

        // The same request with a good token does what it says: the refusals above were the token's doing.
        Assert.Contains("you are its coordinator", TeamsCards.Text(await mallory.Says("setup Hijacked Coalition")));
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            Assert.Equal("Hijacked Coalition", (await db.Coalitions.SingleAsync()).Name);
            Assert.Equal(1, await db.Identities.CountAsync());
        }
    }

    [Fact]
    public async Task Activity_FromAnotherTenant_Is403AndLinksNobody()
    {
        await using var host = await TeamsHost.StartAsync();
        var outsider = host.User("Mallory", "cora@coalition.org");
        var activity = outsider.Activity("setup Hijacked Coalition");
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "another-tenant" } };
        activity["conversation"]!["tenantId"] = "another-tenant";
        using var response = await host.PostAsync(activity, TokenFlavour.Valid);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        Assert.Equal(0, await db.Identities.CountAsync());
        Assert.Equal(0, await db.Coalitions.CountAsync());
    }
}
