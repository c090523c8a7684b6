using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CoalitionBot.Tests.Hosting;

public sealed class OptionsTests
{
    [Fact]
    public async Task EveryOptionsClass_IsValidatedAtStart()
    {
        await using var factory = new BotFactory(new()
        {
            ["Teams:AppId"] = "00000000-0000-0000-0000-000000000001", ["Teams:AppPassword"] = "x", ["Teams:TenantId"] = "t",
            ["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/meta", ["WebChannel:Enabled"] = "true",
        });
        _ = factory.Services;
        var optionsTypes = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("CoalitionBot", StringComparison.Ordinal) == true && !a.GetName().Name!.EndsWith("Tests", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("CoalitionBot", StringComparison.Ordinal) == true
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        Assert.NotEmpty(optionsTypes);
        var bound = optionsTypes
            .Where(t => factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IConfigureOptions<>).MakeGenericType(t))) is IEnumerable<object> c && c.Any())
            .ToList();
        Assert.Superset(new HashSet<string> { "StorageOptions", "OutboxOptions", "WebChannelOptions", "CoalitionOptions", "TeamsOptions" }, bound.Select(t => t.Name).ToHashSet());
        var unvalidated = bound
            .Where(t => !(factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidateOptions<>).MakeGenericType(t))) is IEnumerable<object> v && v.Any()))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(unvalidated.Count == 0, "Options bound without validation: " + string.Join(", ", unvalidated));
    }

    [Fact]
    public void BadCoordinatorEmail_StopsTheHost_NamingTheKey()
    {
        using var factory = new BotFactory(new() { ["Coalition:Coordinators:0"] = "not-an-email" });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Coalition:Coordinators contains \"not-an-email\"", error.ToString());
    }

    [Fact]
    public void PostgresWithoutConnectionString_StopsTheHost_NamingTheKey()
    {
        using var factory = new BotFactory(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = "", ["Storage:MigrateOnStart"] = "false" });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Storage:ConnectionString is required", error.ToString());
    }
}
