using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionBot.Storage;
using WebClient = CoalitionBot.Tests.WebChannel.WebClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Tests.Downloads;

/// <summary>Signed download links and the web channel's upload endpoint, over HTTP.</summary>
public sealed partial class DownloadEndpointTests
{
    [Fact]
    public async Task CompiledLinks_UsePublicBaseUrl_AndServeFiles()
    {
        await using var factory = new BotFactory(new() { ["PublicBaseUrl"] = "https://bot.example.org/" });
        var http = factory.CreateClient();
        var links = await CompileAsync(factory, http);
        Assert.All(links.Values, l => Assert.StartsWith("https://bot.example.org/downloads/", l));

        var csv = await http.GetAsync(PathOf(links["CSV"]));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("M-1-signatories.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("Global Peace Network", await csv.Content.ReadAsStringAsync());
        Assert.Contains("sandbox", csv.Headers.GetValues("Content-Security-Policy").Single());

        var html = await http.GetStringAsync(PathOf(links["HTML"]));
        Assert.Contains("<li>Global Peace Network</li>", html);
        var docx = await http.GetByteArrayAsync(PathOf(links["Word: memo + list"]));
        Assert.Equal("PK"u8.ToArray(), docx[..2]);
        Assert.Contains("Sam Lee", await http.GetStringAsync(PathOf(links["Audit certificate (CSV)"])));
    }

    [Fact]
    public async Task TamperedLink_Is403_ExpiredLink_Is410()
    {
        await using var factory = new BotFactory();
        var http = factory.CreateClient();
        var path = PathOf((await CompileAsync(factory, http))["CSV"]);

        var tampered = path[..^3] + (path[^3] == 'A' ? "B" : "A") + path[^2..];
        var refused = await http.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not valid", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/downloads/garbage")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(8));
        var expired = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SigningKey_IsGeneratedOnce_AndKeptInTheDatabase()
    {
        await using var factory = new BotFactory();
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var secret = await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().HostSecrets.SingleAsync();
        Assert.Equal(HostSecret.DownloadSigningKey, secret.Name);
        Assert.Equal(32, Convert.FromBase64String(secret.Value).Length);
    }

    [Fact]
    public async Task ConfiguredSigningKey_IsUsed_AndNothingIsStored()
    {
        await using var factory = new BotFactory(new() { ["Downloads:SigningKey"] = new string('k', 40) });
        var http = factory.CreateClient();
        var links = await CompileAsync(factory, http);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(PathOf(links["CSV"]))).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CoalitionDbContext>().HostSecrets.AnyAsync());
    }

    [Fact]
    public async Task Upload_Markdown_ReturnsTextAndWarnings()
    {
        await using var factory = new BotFactory();
        var reply = await UploadAsync(factory.CreateClient(), "draft.md", Encoding.UTF8.GetBytes("# Memo\r\n\r\nWe <b>urge</b> you."), "memo");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("# Memo\n\nWe <b>urge</b> you.", reply.Body.GetProperty("text").GetString());
        Assert.Contains("HTML tags", reply.Body.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public async Task Upload_Docx_IsConvertedToMarkdown()
    {
        await using var factory = new BotFactory();
        var docx = Documents.AuditCertificate.ToDocx("Memo to the Minister", []);
        var reply = await UploadAsync(factory.CreateClient(), "memo.docx", docx, "memo");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains("Audit certificate", reply.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Upload_RefusesOtherFiles_WithAReason()
    {
        await using var factory = new BotFactory();
        var http = factory.CreateClient();
        var pdf = await UploadAsync(http, "memo.pdf", "%PDF-1.7"u8.ToArray(), "memo");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.Status);
        Assert.Contains("Word file (.docx) or Markdown (.md)", pdf.Body.GetProperty("error").GetString());
        var utf16 = await UploadAsync(http, "memo.md", [0xFF, 0xFE, 0x41, 0x00], "memo");
        Assert.Contains("UTF-16", utf16.Body.GetProperty("error").GetString());
        var latin1 = await UploadAsync(http, "partners.csv", [0x6F, 0x72, 0x67, 0xE9, 0x0A], "csv");
        Assert.Contains("not UTF-8", latin1.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Upload_Csv_ReturnsTheTextForPartnersImport()
    {
        await using var factory = new BotFactory();
        var reply = await UploadAsync(factory.CreateClient(), "partners.csv", Encoding.UTF8.GetBytes("\uFEFForganisation,sort_name\nA,A\n"), "csv");
        Assert.Equal("organisation,sort_name\nA,A\n", reply.Body.GetProperty("text").GetString());
    }

    private static async Task<Dictionary<string, string>> CompileAsync(BotFactory factory, HttpClient http)
    {
        var cora = new WebClient(http, "cora@coalition.org", "Cora Coordinator");
        var sam = new WebClient(http, "sam@gpn.org", "Sam Lee");
        await cora.Says("setup Rights Before Arms");
        await cora.Says("partners add Global Peace Network | International | CH");
        await cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org");
        await sam.Says("help");
        await cora.Says("new Memo | The Minister | 2026-11-20 17:00\nWe urge you.");
        await cora.Says("circulate M-1");
        await sam.Submits("signon", "M-1", new() { ["display_name"] = "Global Peace Network", ["signatory_name"] = "Sam Lee", ["signatory_title"] = "Coordinator", ["category"] = "International", ["attest"] = "true" });
        var html = (await cora.Says("compile M-1")).Html;
        return LinkPattern().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[2].Value), m => WebUtility.HtmlDecode(m.Groups[1].Value));
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient http, string fileName, byte[] bytes, string kind)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        content.Add(new StringContent(kind), "kind");
        var response = await http.PostAsync("/web/api/upload", content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [GeneratedRegex("<a class=\"cb-button\" href=\"([^\"]+)\"[^>]*>([^<]+)</a>")]
    private static partial Regex LinkPattern();
}
