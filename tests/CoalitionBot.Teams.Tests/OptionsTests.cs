using CoalitionBot.Teams.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("Teams:AppPassword")]
    [InlineData("Teams:TenantId")]
    public async Task Start_RequiredKeyMissing_FailsNamingTheKey(string missing)
    {
        var settings = Valid();
        settings[missing] = null;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings, "Production"));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:10")]
    [InlineData("30.00:00:00")]
    public async Task Start_RosterMaxAgeOutOfRange_FailsNamingTheKey(string age)
    {
        var settings = Valid();
        settings["Teams:RosterMaxAge"] = age;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings, "Production"));

        Assert.Contains("Teams:RosterMaxAge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoAppIdOutsideDevelopment_FailsNamingAppId()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync([], "Production"));

        Assert.Contains("Teams:AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoAppIdInDevelopment_StartsAnonymousAndSaysSoInHealth()
    {
        await using var app = await StartAsync([], "Development");

        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, health.Entries["teams"].Status);
    }

    [Fact]
    public async Task Start_BotFrameworkUnreachable_HostStartsAndHealthIsDegraded()
    {
        var settings = Valid();
        settings["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:1/v1/.well-known/openidconfiguration";
        await using var app = await StartAsync(settings, "Production");

        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, health.Entries["teams"].Status);
    }

    [Fact]
    public async Task Health_AllReachable_Healthy()
    {
        await using var bot = await TeamsBot.StartAsync();

        var health = await bot.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, health.Entries["teams"].Status);
    }

    [Fact]
    public async Task Health_SecretRefused_UnhealthyWithoutTheSecret()
    {
        await using var bot = await TeamsBot.StartAsync(s => s["Teams:AppPassword"] = "wrong-secret-value");

        var health = await bot.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Entries["teams"].Status);
        Assert.Contains("invalid_client", health.Entries["teams"].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", health.Entries["teams"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void IsConfigured_FollowsAppId()
    {
        Assert.False(TeamsOptions.IsConfigured(new ConfigurationBuilder().Build()));
        Assert.True(TeamsOptions.IsConfigured(new ConfigurationBuilder().AddInMemoryCollection(Valid()).Build()));
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Teams:AppId"] = "8d9f0a52-1c4e-4a8b-9a53-2f0e8c6b1d47",
        ["Teams:AppPassword"] = "secret",
        ["Teams:TenantId"] = "5b1f7c0e-3d2a-4e8f-b6c9-0a1d2e3f4a5b",
    };

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<CoalitionBot.Core.Conversation.IInboundHandler>(new RecordingInboundHandler());
        builder.Services.AddTeams(builder.Configuration);
        var app = builder.Build();
        app.MapTeams();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }
}
