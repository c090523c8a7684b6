using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// One antiforgery configuration for every form the host serves (the web sign-on page, the dashboard): the options
/// are global in ASP.NET Core, so two features setting their own cookie path would break each other's tokens.
/// </summary>
public static class AntiforgerySetup
{
    public static IServiceCollection AddCoalitionAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cb_antiforgery";
            o.Cookie.Path = "/";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SuppressXFrameOptionsHeader = true; // each page sets X-Frame-Options / frame-ancestors itself
        });
}
