using System.Text;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Downloads;
using CoalitionBot.Core.Messages;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>The Documents library through chat: compile choices and downloads, diffs, the comment digest, directory import/export/merge.</summary>
public sealed class DocumentCommandTests
{
    private const string DirectoryHeader = "organisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\n";

    [Fact]
    public async Task Compile_ByDefault_MarksLate_AndListsUnconfirmedSeparately()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1");
        await chat.Sam.SignsOn("M-1");
        await chat.Cora.Says("publish M-1 substantive\n" + CoalitionChat.MemoText + "\n\n**Third**, consult civil society.");
        await chat.Amira.SignsOn("M-1"); // re-confirms; Sam does not
        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero)); // after the deadline
        await chat.Lucia.SignsOn("M-1");

        var list = (await chat.Cora.Says("compile M-1")).Text;
        Assert.Contains("## Signatories (2)\n\n### International\n\n- The Human Rights Advocates\n\n### National\n\n- Fundación Derechos Humanos †\n", list);
        Assert.Contains("† signed after the deadline", list);
        Assert.Contains("## Signed an earlier version, not yet re-confirmed (1)\n\n- Global Peace Network\n", list);
        Assert.Contains("Sign-ons after the deadline are marked † (‖ when after you closed it early). Organisations that signed an earlier version and have not re-confirmed are left off (named below).", list);
        Assert.DoesNotContain("late mark", list);
    }

    [Fact]
    public async Task Compile_CoordinatorsChoice_ExcludesLate_MarksUnconfirmed_AndRefusesNonsense()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Sam.SignsOn("M-1");
        await chat.Cora.Says("publish M-1 substantive\n" + CoalitionChat.MemoText + "\n\n**Third**, consult civil society.");
        chat.Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        await chat.Lucia.SignsOn("M-1");
        await chat.Cora.Says("close M-1");

        var list = (await chat.Cora.Says("compile M-1 late exclude unconfirmed mark countries final")).Text;
        Assert.Contains("now final", list);
        Assert.Contains("Sign-ons after the deadline are left off (named below). Organisations that signed an earlier version and have not re-confirmed are listed, marked ‡. Each organisation's country is shown.", list);
        Assert.Contains("## Signatories (1)\n\n### International\n\n- Global Peace Network (Switzerland) ‡\n", list);
        Assert.Contains("## Late, left off the list (1)\n\n- Fundación Derechos Humanos\n", list);
        Assert.Contains("differs from the one it was made final with", (await chat.Cora.Says("compile M-1")).Text);
        Assert.Contains("is final; this is the list it was made final with", (await chat.Cora.Says("compile M-1 unconfirmed mark late exclude countries")).Text);
        Assert.Contains("I don't understand \"late sideways\"", (await chat.Cora.Says("compile M-1 late sideways")).Text);
        var finalised = await chat.Bot.QueryAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "memo.finalised"));
        Assert.Contains("\"Late\":\"Exclude\"", finalised.After);
        Assert.Equal(await chat.Bot.QueryAsync(db => db.Memos.Select(m => m.FinalListHash).SingleAsync()), System.Text.Json.JsonDocument.Parse(finalised.After!).RootElement.GetProperty("ListHash").GetString());
    }

    [Fact]
    public async Task Compile_DownloadLinks_ServeEveryFormat_WithTheSameList()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1", displayName: "=HYPERLINK(\"x\")");
        await chat.Sam.SignsOn("M-1");
        await chat.Sam.Says("withdraw M-1 board said no");
        await chat.Lucia.SignsOn("M-1", title: "Coordinadora");
        var reply = await chat.Cora.Says("compile M-1");
        Assert.Equal(8, reply.Buttons.Count);
        Assert.All(reply.Buttons, b => Assert.StartsWith("http://127.0.0.1:3978/downloads/", b.Url));
        Assert.All(reply.Buttons, b => Assert.Equal(ActionIds.Download, b.ActionId));

        var files = new Dictionary<string, DownloadFile>();
        foreach (var button in reply.Buttons)
        {
            files[button.Label] = (await FetchAsync(chat.Bot, button.Url!))!;
        }

        var csv = Encoding.UTF8.GetString(files["CSV"].Content);
        Assert.Contains("'=HYPERLINK", csv); // formula injection neutralised
        Assert.Contains("Fundación Derechos Humanos", csv);
        Assert.DoesNotContain("Global Peace Network", csv); // withdrawn
        Assert.Contains("<li>Fundación Derechos Humanos</li>", Encoding.UTF8.GetString(files["HTML"].Content));
        Assert.Equal("M-1-signatories.txt", files["Plain text"].FileName);
        Assert.StartsWith("Memo to the Secretary of State\nTo: The Secretary of State\n", Encoding.UTF8.GetString(files["Plain text"].Content));
        Assert.StartsWith("Signatories (2)\n", Encoding.UTF8.GetString(files["Plain text, list only"].Content));
        Assert.DoesNotContain("<h1>", Encoding.UTF8.GetString(files["HTML, list only"].Content));
        Assert.Contains("<li>Fundación Derechos Humanos</li>", Encoding.UTF8.GetString(files["HTML, list only"].Content));
        Assert.Equal((byte)'P', files["Word: memo + list"].Content[0]); // a zip: DOCX
        Assert.Equal((byte)'P', files["Audit certificate (Word)"].Content[0]);

        var audit = Encoding.UTF8.GetString(files["Audit certificate (CSV)"].Content);
        Assert.Contains("Lucía Gómez,Coordinadora", audit);
        Assert.Contains("I confirm I am authorised to sign this memo on behalf of Fundación Derechos Humanos.", audit);
        Assert.Contains("Global Peace Network,,withdrawn", audit);
        Assert.Contains("board said no", audit);
    }

    [Fact]
    public async Task DownloadToken_Tampered_IsInvalid_AndOld_IsExpired()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Sam.SignsOn("M-1");
        var url = (await chat.Cora.Says("compile M-1")).Buttons[2].Url!;
        var token = url[(url.IndexOf(DownloadLinks.Path, StringComparison.Ordinal) + DownloadLinks.Path.Length)..];
        var signer = chat.Bot.Services.GetRequiredService<DownloadSigner>();
        Assert.Equal(DownloadCheck.Valid, signer.Verify(token, out _));

        // Change the format inside the ticket (CSV → audit CSV) but keep the signature.
        var payload = token.Split('.')[0];
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(payload))).Replace("ListCsv", "AuditCsv")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + token.Split('.')[1];
        Assert.Equal(DownloadCheck.Invalid, signer.Verify(forged, out _));
        Assert.Equal(DownloadCheck.Invalid, signer.Verify(token[..^2], out _));
        Assert.Equal(DownloadCheck.Invalid, signer.Verify("nonsense", out _));

        chat.Bot.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        Assert.Equal(DownloadCheck.Expired, signer.Verify(token, out var expired));
        Assert.Equal(DownloadFormat.ListCsv, expired!.Format);
    }

    [Fact]
    public async Task Publish_WithoutAFlag_SuggestsFromTheDiff_TellsPartnersWhatChanged_AndDiffShowsWords()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Bot.DeliverAsync();
        var minor = (await chat.Cora.Says("publish M-1\n" + CoalitionChat.MemoText.Replace("strengthen", "strengthen independent"))).Text;
        Assert.Contains("(minor,", minor);
        Assert.Contains("Changes: §3 changed.", minor);
        Assert.Contains("I judged it minor", minor);
        var rewritten = CoalitionChat.MemoText.Replace("strengthen", "strengthen independent")
            .Replace("We urge you to attach human rights conditions to military aid.", "We demand an immediate suspension of all military aid until an independent inquiry reports.");
        chat.Bot.Clock.Advance(TimeSpan.FromMinutes(1)); // two commands never share an instant; the partner must get v3's notice last
        var big = (await chat.Cora.Says("publish M-1\n" + rewritten)).Text;
        Assert.Contains("(substantive,", big);
        Assert.Contains("Changes: §1 removed, §1 added.", big);
        Assert.Contains("I judged it substantive", big);

        await chat.Bot.DeliverAsync();
        var told = BotReply.Append(new StringBuilder(), chat.Amira.Inbox[^1]);
        Assert.Contains("Changes: §1 removed, §1 added. Type `diff M-1`", told);

        var diff = (await chat.Amira.Says("diff M-1 v1 v2")).Text;
        Assert.Contains("§3 changed", diff);
        Assert.Contains("§3: **Second**, strengthen {+independent +}end-use monitoring.", diff);
        var latest = (await chat.Amira.Says("diff M-1")).Text;
        Assert.Contains("changes from v2", latest);
        Assert.Contains("old §1 (removed): [-We urge you", latest);
        Assert.Contains("versions v1 to v3; v9", (await chat.Amira.Says("diff M-1 v1 v9")).Text);
        Assert.Contains("Usage: `diff M-3 [v1 v2]`", (await chat.Amira.Says("diff M-1 v1")).Text);
    }

    [Fact]
    public async Task PartnersImport_WithErrors_ReportsLines_AndImportsNothing()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var before = await chat.Bot.QueryAsync(db => db.Organisations.CountAsync());
        var reply = (await chat.Cora.Says("partners import\n" + DirectoryHeader
            + "Peace Now,,National,IL,Dana Levi,dana@peacenow.org,,\n"
            + "Rights Lab,,Galactic,US,Ray,not-an-email,,\n")).Text;
        Assert.Contains("nothing was imported", reply);
        Assert.Contains("line 3, contact_email: bad e-mail address \"not-an-email\"", reply);
        Assert.Contains("line 3, category: unknown category \"Galactic\"", reply);
        Assert.Equal(before, await chat.Bot.QueryAsync(db => db.Organisations.CountAsync()));
        Assert.False(await chat.Bot.QueryAsync(db => db.Contacts.AnyAsync(c => c.Email == "dana@peacenow.org")));

        var clash = (await chat.Cora.Says("partners import\n" + DirectoryHeader + "Peace Now,,National,IL,Sam Lee,sam@gpn.org,,\n")).Text;
        Assert.Contains("sam@gpn.org is already a contact of Global Peace Network", clash);
        Assert.Equal(before, await chat.Bot.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task PartnersImport_AddsOrganisationsAndContacts_Audited_AndExportRoundTrips()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        var reply = (await chat.Cora.Says("partners import\n" + DirectoryHeader
            + "Peace Now,,National,Israel,Dana Levi,dana@peacenow.org,U0123ABCD,\n"
            + "Peace Now,,,,Eli Cohen,eli@peacenow.org,,\n"
            + "Global Peace Network,,,,Sam Lee,sam@gpn.org,,\n")).Text;
        Assert.Contains("1 organisation added, 1 already known", reply);
        Assert.Contains("3 contacts linked", reply);
        Assert.Contains("1 Slack/Teams id was not stored", reply);
        Assert.Equal(2, await chat.Bot.QueryAsync(db => db.Contacts.CountAsync(c => c.Email!.EndsWith("@peacenow.org"))));
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "organisation.imported")));
        var dana = chat.Bot.Person("Dana Levi", "dana@peacenow.org");
        Assert.DoesNotContain("I don't know you", (await dana.Says("list")).Text);

        var export = await chat.Cora.Says("partners export");
        var file = (await FetchAsync(chat.Bot, Assert.Single(export.Buttons).Url!))!;
        var csv = Encoding.UTF8.GetString(file.Content);
        Assert.StartsWith(string.Join(',', Documents.PartnerDirectoryCsv.Columns), csv.TrimStart('\uFEFF'));
        Assert.Contains("Peace Now,Peace Now,National,Israel,,Dana Levi,dana@peacenow.org,yes", csv);
        Assert.True(Documents.PartnerDirectoryCsv.Parse(csv).IsValid);
    }

    [Fact]
    public async Task PartnersDuplicates_AndMerge_RefusesConflicts_ThenMovesEverything_Audited()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Cora.Says("partners add GPN | International");
        await chat.Cora.Says("partners link GPN | Gil Park | gil@gpn.org");
        var gil = chat.Bot.Person("Gil Park", "gil@gpn.org");
        await gil.Says("help");
        Assert.Contains("GPN ↔ Global Peace Network: \"GPN\" is the acronym of \"Global Peace Network\"", (await chat.Cora.Says("partners duplicates")).Text);

        await chat.Sam.SignsOn("M-1");
        await gil.Says("decline M-1 not sure");
        var refused = (await chat.Cora.Says("partners merge Global Peace Network | GPN")).Text;
        Assert.Contains("answered these memos differently", refused);
        Assert.Contains("M-1: Global Peace Network signed as \"Global Peace Network\", GPN declined", refused);
        Assert.Equal(4, await chat.Bot.QueryAsync(db => db.Organisations.CountAsync()));

        await gil.SignsOn("M-1", displayName: "GPN");
        var merged = (await chat.Cora.Says("partners merge Global Peace Network | GPN")).Text;
        Assert.Contains("Merged GPN into Global Peace Network: 1 contact and 0 sign-ons moved, 1 identical answer folded", merged);
        Assert.Equal(3, await chat.Bot.QueryAsync(db => db.Organisations.CountAsync()));
        var gpn = await chat.Bot.QueryAsync(db => db.Organisations.SingleAsync(o => o.Name == "Global Peace Network"));
        Assert.Contains("GPN", gpn.Aliases);
        Assert.Equal(gpn.Id, await chat.Bot.QueryAsync(db => db.Contacts.Where(c => c.Email == "gil@gpn.org").Select(c => c.OrganisationId).SingleAsync()));
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.SignOns.CountAsync()));
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "organisation.merged")));
        Assert.Contains("No likely duplicates", (await chat.Cora.Says("partners duplicates")).Text);
        Assert.Contains("Global Peace Network", (await chat.Cora.Says("partners merge GPN | Global Peace Network")).Text); // both names are one organisation now
    }

    [Fact]
    public async Task DownloadButtonClick_ReportedByAPlatform_IsAcknowledgedSilently()
    {
        await using var chat = await CoalitionChat.StartAsync();
        Assert.True((await chat.Sam.Presses(ActionIds.Download, "ListCsv")).IsDuplicate);
        Assert.True((await chat.Stranger.Presses(ActionIds.Download, "ListCsv")).IsDuplicate);
    }

    [Fact]
    public async Task PartnersImport_WithoutCsv_ExplainsTheFormat_AndPartnersCannotImport()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        Assert.Contains("organisation, sort_name, category, country, contact_name, contact_email, slack_id, teams_id", (await chat.Cora.Says("partners import")).Text);
        Assert.Contains("Only coordinators", (await chat.Sam.Says("partners import\n" + DirectoryHeader + "X,,,,,,,\n")).Text);
        Assert.Contains("Only coordinators", (await chat.Sam.Says("partners merge A | B")).Text);
    }

    private static async Task<DownloadFile?> FetchAsync(TestBot bot, string url)
    {
        var token = url[(url.IndexOf(DownloadLinks.Path, StringComparison.Ordinal) + DownloadLinks.Path.Length)..];
        Assert.Equal(DownloadCheck.Valid, bot.Services.GetRequiredService<DownloadSigner>().Verify(token, out var ticket));
        await using var scope = bot.Services.CreateAsyncScope();
        return await MemoFiles.RenderAsync(scope.ServiceProvider.GetRequiredService<IDataSession>(), ticket!, bot.Clock.GetUtcNow(), CancellationToken.None);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
