using CoalitionBot.Core.Dashboard;
using Microsoft.AspNetCore.Antiforgery;

namespace CoalitionBot.Dashboard;

/// <summary>
/// The session cookie and the check every dashboard page and action passes: a valid session of a person who is a
/// coordinator right now, and for every POST a valid antiforgery token. Anything else is 403 with a page that
/// says how to sign in (from chat); nothing is redirected.
/// </summary>
internal static class DashboardAuth
{
    public const string Cookie = "cb_dashboard";

    private const string UserKey = "dashboard.user";

    public static DashboardUser User(HttpContext http) =>
        http.Items[UserKey] as DashboardUser ?? throw new InvalidOperationException("The dashboard filter runs before every dashboard endpoint.");

    /// <summary>Max-Age rather than Expires: the browser's clock need not agree with ours; the server checks the expiry anyway.</summary>
    public static void StartSession(HttpContext http, string token, DateTimeOffset expires) =>
        http.Response.Cookies.Append(Cookie, token, Options(http, expires - http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()));

    public static void EndSession(HttpContext http) => http.Response.Cookies.Delete(Cookie, Options(http, null));

    /// <summary>Requires a coordinator's session; on POST also a valid antiforgery token.</summary>
    public static async ValueTask<object?> RequireCoordinator(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var signIn = http.RequestServices.GetRequiredService<DashboardSignIn>();
        var user = await signIn.AuthenticateAsync(http.Request.Cookies[Cookie], http.RequestAborted);
        if (user is null)
        {
            return SignInFromChat(http);
        }

        if (HttpMethods.IsPost(http.Request.Method) && !await ValidAntiforgeryAsync(http))
        {
            return Html.Result(http.Response, Html.Page("Refused", "<h1>Refused</h1><p>This form is out of date or did not come from the dashboard. Reload the page and try again.</p>", null, null), StatusCodes.Status400BadRequest);
        }

        http.Items[UserKey] = user;
        return await next(context);
    }

    public static async Task<bool> ValidAntiforgeryAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    /// <summary>A hidden antiforgery field for a form on this response.</summary>
    public static string Field(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    public static IResult SignInFromChat(HttpContext http) => Html.Result(http.Response, Html.Page("Sign in from chat", """
        <h1>Sign in from chat</h1>
        <p>The dashboard is for coordinators. To sign in, type <code>dashboard</code> to CoalitionBot in a direct message (Slack, Teams or the local web channel) and open the link it sends you within 10 minutes.</p>
        <p>A link works once. A session lasts 12 hours, ends when you sign out, and ends at once if you are no longer a coordinator.</p>
        """, null, null), StatusCodes.Status403Forbidden);

    private static CookieOptions Options(HttpContext http, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/dashboard",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
