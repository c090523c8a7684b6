using System.Text;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>`status` lists every organisation under its one answer, in the final list's order, with reasons and reach (issue #11, item 7).</summary>
public sealed class StatusListingTests
{
    [Fact]
    public async Task Status_BeforeAnyAnswer_ListsEveryOrganisationInTheFinalListsOrder()
    {
        await using var chat = await CoalitionChat.StartAsync();

        var status = (await chat.Cora.Says("status M-1")).Text;

        Assert.Contains("No answer (3)\nInternational:\n• Global Peace Network\n• The Human Rights Advocates\nNational:\n• Fundación Derechos Humanos\n", status);
        Assert.Contains("Total: 3 organisations", status);
    }

    [Fact]
    public async Task Status_AfterSignOnAndDecline_ShowsWhoAnsweredHowAndWhy()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1");
        await chat.Lucia.Says("decline M-1 Our board has not met");

        var status = (await chat.Cora.Says("status M-1")).Text;

        Assert.Contains("Signed (1)\n• The Human Rights Advocates\n", status);
        Assert.Contains("Declined (1)\n• Fundación Derechos Humanos — “Our board has not met”\n", status);
        Assert.Contains("No answer (1)\n• Global Peace Network\n", status);
        Assert.DoesNotContain("UNREACHABLE", status);
    }

    [Fact]
    public async Task Status_SignedBeforeASubstantiveVersion_CountsTheOrganisationOnce()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Amira.SignsOn("M-1");
        await chat.Sam.SignsOn("M-1");
        await chat.Cora.Says("publish M-1 substantive\n" + CoalitionChat.MemoText + "\n\n**Third**, consult civil society.");
        await chat.Sam.SignsOn("M-1");

        var status = (await chat.Cora.Says("status M-1")).Text;

        Assert.Contains("Signed: 1\n", status);
        Assert.Contains("Needs re-confirmation: 1\n", status);
        Assert.Contains("No answer: 1\n", status);
        Assert.Contains("Total: 3 organisations", status);
        Assert.Contains("Needs re-confirmation (1)\n• The Human Rights Advocates — signed version 1, not yet the current one\n", status);
        Assert.Contains("Signed (1)\n• Global Peace Network\n", status);
    }

    [Fact]
    public async Task Status_OrganisationNobodyCanReach_IsFlaggedWithWhy()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Cora.Says("partners add Alianza Sin Contacto | National | Peru");

        var status = (await chat.Cora.Says("status M-1")).Text;

        Assert.Contains("• Alianza Sin Contacto — UNREACHABLE: no contact in the directory (`partners link` adds one)\n", status);
        Assert.DoesNotContain("Global Peace Network — UNREACHABLE", status);
    }

    [Fact]
    public async Task Status_ManyOrganisations_CutsTheGroupAndPointsToTheDashboard()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var csv = new StringBuilder("partners import\norganisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\n");
        for (var i = 1; i <= 70; i++)
        {
            csv.Append($"Local Group {i:00},,Local,Chile,,,,\n");
        }

        await chat.Cora.Says(csv.ToString());

        var reply = await chat.Cora.Says("status M-1");
        var status = reply.Text;

        Assert.Contains("No answer (73)", status);
        var cut = System.Text.RegularExpressions.Regex.Match(status, @"… and (\d+) more — see the dashboard \(`dashboard`\) or `partners`\.");
        Assert.True(cut.Success, status);
        var listed = status.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal));
        Assert.Equal(73, listed + int.Parse(cut.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Total: 73 organisations", status);
        Assert.All(reply.Message!.Blocks.OfType<Core.Messages.TextBlock>(), b => Assert.True(b.Text.Length <= 3000, b.Text));
    }
}
