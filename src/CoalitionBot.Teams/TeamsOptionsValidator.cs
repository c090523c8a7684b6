using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Teams;

/// <summary>
/// The checks data annotations cannot express: which keys are required depends on each other and on the environment.
/// Every message names the configuration key to set.
/// </summary>
internal sealed class TeamsOptionsValidator(IHostEnvironment environment) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (options.Anonymous)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Teams:AppId is required (requests are only accepted unauthenticated in the Development environment).");
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.AppId, out _))
        {
            failures.Add("Teams:AppId must be the bot's Microsoft App ID (a GUID).");
        }

        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Teams:AppPassword is required when Teams:AppId is set (the app registration's client secret).");
        }

        if (!options.MultiTenant && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("Teams:TenantId is required for a single-tenant bot (set Teams:MultiTenant=true only for a legacy multi-tenant registration).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
