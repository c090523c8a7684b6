using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoalitionBot.Testing.Fuzz;
using CsCheck;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CoalitionBot.Tests.WebChannel;

/// <summary>Issue #12 for the local web channel: malformed input is a 400, never a 500; only loopback host names, never relayed.</summary>
public sealed class WebHardeningTests
{
    [Fact]
    public async Task Upload_MultipartWithoutBoundary_400WithReason()
    {
        await using var factory = new BotFactory();
        using var content = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        var response = await factory.CreateClient().PostAsync("/web/api/upload", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(factory.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("web channel upload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_DocxWithTruncatedDocumentXml_400NamingTheDamage()
    {
        await using var factory = new BotFactory();
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write("<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body><w:p>"u8);
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(zipped.ToArray()), "file", "memo.docx" } };
        var response = await factory.CreateClient().PostAsync("/web/api/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not well-formed XML", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Real-IP", "203.0.113.9")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Forwarded-Port", "443")]
    public async Task Send_RelayedByAnyForwardingHeader_403(string header, string value)
    {
        await using var factory = new BotFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/web/api/people");
        request.Headers.Add(header, value);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Send_HostNotLoopback_403UnlessAllowed()
    {
        await using var rebinding = new BotFactory();
        await using var allowed = new BotFactory(new() { ["WebChannel:AllowedHosts:0"] = "bot.lan" });

        var refused = await rebinding.CreateClient().SendAsync(WithHost("attacker.example"));
        var stillRefused = await allowed.CreateClient().SendAsync(WithHost("attacker.example"));
        var accepted = await allowed.CreateClient().SendAsync(WithHost("bot.lan"));
        var loopback = await rebinding.CreateClient().SendAsync(WithHost("127.0.0.1"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
    }

    /// <summary>Property: generated malformed requests to /web/api/send never get a 5xx nor log an error.</summary>
    [Fact]
    public async Task Send_GeneratedMalformedRequests_No5xxAndNoErrorLogged()
    {
        await using var factory = new BotFactory();
        var http = factory.CreateClient();
        var statuses = new List<(int Status, string Json)>();
        var templates = new[]
        {
            new JsonObject { ["email"] = "cora@coalition.org", ["name"] = "Cora", ["text"] = "setup Rights Before Arms" },
            new JsonObject { ["email"] = "cora@coalition.org", ["name"] = "Cora", ["actionId"] = "sign", ["value"] = "M-1" },
            new JsonObject { ["email"] = "cora@coalition.org", ["name"] = "Cora", ["formId"] = "signon", ["context"] = "M-1", ["fields"] = new JsonObject { ["display_name"] = "x", ["attest"] = "true" } },
        };

        foreach (var template in templates)
        {
            await MalformedJson.From(template).SampleAsync(
                async json =>
                {
                    using var content = new StringContent(json, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync("/web/api/send", content);
                    statuses.Add(((int)response.StatusCode, json));
                },
                iter: 80,
                threads: 1);
        }

        Assert.Empty(statuses.Where(s => s.Status >= 500).Select(s => s.Json).Take(3));
        Assert.Empty(factory.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).Select(r => r.Exception?.GetType().Name + ": " + r.Exception?.Message).Distinct().Take(5));
    }

    /// <summary>Property: generated malformed uploads (multipart framing, names, kinds, hostile .docx and .csv) never get a 5xx nor log an error.</summary>
    [Fact]
    public async Task Upload_GeneratedMalformedRequests_No5xxAndNoErrorLogged()
    {
        await using var factory = new BotFactory();
        var http = factory.CreateClient();
        var statuses = new List<(int Status, string ContentType)>();

        await MalformedUpload.Requests().SampleAsync(
            async request =>
            {
                using var content = new ByteArrayContent(request.Body);
                if (request.ContentType is not null)
                {
                    content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                }

                using var response = await http.PostAsync("/web/api/upload", content);
                statuses.Add(((int)response.StatusCode, request.ContentType ?? "(none)"));
            },
            iter: 150,
            threads: 1);

        using var good = new MultipartFormDataContent { { new ByteArrayContent("# Memo\n\nWe urge you.\n"u8.ToArray()), "file", "memo.md" } };
        var afterwards = await http.PostAsync("/web/api/upload", good); // the endpoint still imports a good file

        Assert.Empty(statuses.Where(s => s.Status >= 500).Take(3));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Empty(factory.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).Select(r => r.Exception?.GetType().Name + ": " + r.Exception?.Message).Distinct().Take(5));
    }

    private static HttpRequestMessage WithHost(string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/web/api/people");
        request.Headers.Host = host;
        return request;
    }
}
