using CoalitionBot.Core.Dashboard;

namespace CoalitionBot.Dashboard;

/// <summary>
/// Opening a link shows a page with one button; only pressing it (a same-site POST with an antiforgery token) uses
/// the link. So a chat app's link preview, which fetches the link, cannot use it up.
/// </summary>
internal static class SignInEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(DashboardFeature.SignInPath + "{token}", Confirm);
        app.MapPost("/dashboard/sign-in", SignIn);
        app.MapPost("/dashboard/sign-out", SignOut).AddEndpointFilter(DashboardAuth.RequireCoordinator);
    }

    private static async Task<IResult> Confirm(string token, HttpContext http, DashboardSignIn signIn, CancellationToken ct)
    {
        var check = await signIn.CheckAsync(token, ct);
        if (check.State != LinkState.Usable)
        {
            return Refused(http, check.State);
        }

        var body = $"""
            <h1>Sign in to the dashboard</h1>
            <p>This link signs you in as <strong>{Html.E(check.CoordinatorName)}</strong>. It works once; the session lasts 12 hours.</p>
            <form method="post" action="/dashboard/sign-in">{DashboardAuth.Field(http)}<input type="hidden" name="token" value="{Html.E(token)}">
            <button type="submit" class="db-primary" autofocus>Sign in as {Html.E(check.CoordinatorName)}</button></form>
            """;
        return Html.Result(http.Response, Html.Page("Sign in", body, null, null));
    }

    private static async Task<IResult> SignIn(HttpContext http, DashboardSignIn signIn, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await DashboardAuth.ValidAntiforgeryAsync(http))
        {
            return Refused(http, LinkState.Unknown);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var result = await signIn.RedeemAsync(form["token"].ToString(), ct);
        if (result.State != LinkState.Usable)
        {
            return Refused(http, result.State);
        }

        DashboardAuth.StartSession(http, result.SessionToken!, result.ExpiresAt!.Value);
        Html.SecureHeaders(http.Response);
        return Results.Redirect("/dashboard", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOut(HttpContext http, DashboardSignIn signIn, CancellationToken ct)
    {
        await signIn.SignOutAsync(DashboardAuth.User(http).SessionId, ct);
        DashboardAuth.EndSession(http);
        return Html.Result(http.Response, Html.Page("Signed out", "<h1>Signed out</h1><p>You are signed out. Type <code>dashboard</code> in chat for a new link.</p>", null, null));
    }

    private static IResult Refused(HttpContext http, LinkState state)
    {
        var why = state switch
        {
            LinkState.Expired => "This sign-in link has expired: links work for 10 minutes.",
            LinkState.Used => "This sign-in link has already been used: each link works once.",
            LinkState.NotCoordinator => "This sign-in link was made for someone who is no longer a coordinator.",
            _ => "This sign-in link is not valid: it may have been cut short when copied.",
        };
        return Html.Result(http.Response, Html.Page("Link refused", $"<h1>Link refused</h1><p role=\"alert\">{Html.E(why)}</p><p>Type <code>dashboard</code> to CoalitionBot in a direct message for a new link.</p>", null, null),
            StatusCodes.Status403Forbidden);
    }
}
