using System.Text;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Testing.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>The audit certificate of a finished memo: printed names, the final list's hash, local and UTC times, actors, merges (issue #11, item 8).</summary>
public sealed class AuditCertificateChatTests
{
    [Fact]
    public async Task AuditCertificate_OfAFinalMemo_HasPrintedNamesBothTimesTheHashActorsAndMerges()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1", displayName: "Human Rights Advocates (HRA)");
        var gina = await DuplicateWithASignerAsync(chat);
        await gina.SignsOn("M-1");
        Assert.Contains("Merged GPN into Global Peace Network", (await chat.Cora.Says("partners merge Global Peace Network | GPN")).Text);
        await chat.Cora.Says("close M-1");
        var compiled = await chat.Cora.Says("compile M-1 final");
        var hash = await chat.Bot.QueryAsync(db => Task.FromResult(db.Memos.Single().FinalListHash!));

        var csv = await FetchAsync(chat, compiled, "Audit certificate (CSV)");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Cells).ToList();
        Assert.Equal(["organisation", "printed_name", "action", "at_utc", "at_memo_zone", "signatory_name", "signatory_title", "version_hash", "attestation", "detail", "actor", "via"], rows[0]);
        var amira = rows.Single(r => r[0] == "The Human Rights Advocates");
        Assert.Equal(["Human Rights Advocates (HRA)", "signed", "2026-11-02T14:00:00Z", "2026-11-02T15:00:00+01:00"], amira[1..5]);
        Assert.Equal("Amira Haddad (web channel)", amira[10]);
        var gpn = rows.Where(r => r[0] == "Global Peace Network").ToList();
        Assert.Equal(["signed", "merged"], gpn.Select(r => r[2]));
        Assert.Contains("“GPN” was a duplicate of this organisation", gpn[1][9]);
        Assert.Equal("Cora Coordinator (web channel)", gpn[1][10]);
        Assert.Equal(["", "", "finalised"], rows[^1][..3]);
        Assert.Equal("final list hash " + hash, rows[^1][9]);
        Assert.All(rows.Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r[10]), string.Join(",", r)));

        var docx = await FetchBytesAsync(chat, compiled, "Audit certificate (Word)");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var text = await reader.ReadToEndAsync();
        Assert.Contains("Its SHA-256 fingerprint: " + hash, text);
        Assert.Contains("2026-11-02 15:00:00 Europe/Berlin (14:00:00 UTC): signed as “Human Rights Advocates (HRA)” by Amira Haddad, Director", text);
        Assert.Contains("duplicate merged in, recorded by Cora Coordinator (web channel)", text);
    }

    private static async Task<Person> DuplicateWithASignerAsync(CoalitionChat chat)
    {
        await chat.Cora.Says("partners add GPN | International | Switzerland");
        await chat.Cora.Says("partners link GPN | Gina Park | gina@gpn.org");
        var gina = chat.Bot.Person("Gina Park", "gina@gpn.org", "Europe/Zurich");
        await gina.Says("help");
        return gina;
    }

    private static async Task<string> FetchAsync(CoalitionChat chat, BotReply compiled, string label) =>
        Encoding.UTF8.GetString(await FetchBytesAsync(chat, compiled, label));

    private static async Task<byte[]> FetchBytesAsync(CoalitionChat chat, BotReply compiled, string label)
    {
        var link = compiled.Buttons.Single(b => b.Label == label).Url!;
        var file = await chat.Bot.Services.GetRequiredService<IDownloadFileSource>().FromLinkAsync(link, CancellationToken.None);
        return file!.Content;
    }

    // RFC 4180 cells: quoted cells may hold commas and doubled quotes.
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
