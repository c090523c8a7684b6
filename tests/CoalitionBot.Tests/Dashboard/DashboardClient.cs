using System.Net;
using System.Text.RegularExpressions;
using CoalitionBot.WebChannel;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoalitionBot.Tests.Dashboard;

/// <summary>A browser-less dashboard visitor: asks for a link in the web channel, signs in, reads pages and posts forms with their antiforgery token.</summary>
internal sealed partial class DashboardClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static DashboardClient For(BotFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>The path of a fresh sign-in link, as the bot gives it in chat.</summary>
    public static async Task<string> LinkAsync(BotFactory factory, string email = DemoCoalition.CoordinatorEmail, string name = "Cora Coordinator")
    {
        var reply = await new CoalitionBot.Tests.WebChannel.WebClient(factory.CreateClient(), email, name).Says("dashboard");
        var link = LinkPattern().Match(reply.Html);
        return link.Success ? link.Value : throw new InvalidOperationException("No link in the reply: " + reply.Html);
    }

    public static async Task<DashboardClient> SignedInAsync(BotFactory factory)
    {
        var client = For(factory);
        var response = await client.SignInAsync(await LinkAsync(factory));
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException("Sign-in failed: " + response.StatusCode);
    }

    /// <summary>Opens the link and presses its button, as a person would.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string link)
    {
        var page = await Http.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return page;
        }

        return await PostAsync("/dashboard/sign-in", new() { ["token"] = link[(link.LastIndexOf('/') + 1)..] }, Token(html));
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path, bool fragment = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (fragment)
        {
            request.Headers.Add("X-Dashboard-Fragment", "1");
        }

        var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a dashboard action form with the antiforgery token of the memo page, as the page's script does.</summary>
    public async Task<(HttpStatusCode Status, string Html)> ActAsync(string code, Dictionary<string, string> fields)
    {
        var (_, page) = await GetAsync("/dashboard/memos/" + code);
        fields.TryAdd("nonce", Guid.NewGuid().ToString("N"));
        var response = await PostAsync($"/dashboard/memos/{code}/act", fields, Token(page), fragment: true);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string? antiforgery, bool fragment = false)
    {
        if (antiforgery is not null)
        {
            fields["__RequestVerificationToken"] = antiforgery;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (fragment)
        {
            request.Headers.Add("X-Dashboard-Fragment", "1");
        }

        return await Http.SendAsync(request);
    }

    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("/dashboard/sign-in/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
