using CoalitionBot.Core.Messages;
using CoalitionBot.Testing.Conversation;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>`partners set-category`: the coordinators' answer to a signer's category request (issue #11, item 3's follow-up).</summary>
public sealed class PartnerCategoryTests
{
    [Fact]
    public async Task SetCategory_AfterASignersRequest_MovesTheOrganisationOnTheList_AndSaysWhoseRequestItAccepts()
    {
        await using var chat = await CoalitionChat.StartAsync();
        var form = (await chat.Sam.Presses(ActionIds.Sign, "M-1")).Form!;
        await chat.Sam.Submits(form, new() { ["signatory_title"] = "Director", ["attest"] = "true", ["category"] = "National" });
        await chat.Lucia.SignsOn("M-1");

        var reply = (await chat.Cora.Says("partners set-category global peace network | national")).Text;

        Assert.Contains("Global Peace Network is now listed under \"National\" (it was under \"International\"). This accepts the request Sam Lee made when signing M-1.", reply);
        var list = (await chat.Cora.Says("compile M-1")).Text;
        Assert.Contains("### National\n\n- Fundación Derechos Humanos\n- Global Peace Network\n", list);
        Assert.DoesNotContain("### International", list);
        var audit = await chat.Bot.QueryAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "organisation.category-set"));
        Assert.Equal("Global Peace Network", audit.Subject);
        Assert.Contains("\"Category\":\"International\"", audit.Before);
        Assert.Contains("Sam Lee", audit.After);
    }

    [Fact]
    public async Task SetCategory_WithoutARequest_MovesItAndSaysNothingOfRequests()
    {
        await using var chat = await CoalitionChat.StartAsync();

        var reply = (await chat.Cora.Says("partners set-category Fundación Derechos Humanos | Regional")).Text;

        Assert.Contains("Fundación Derechos Humanos is now listed under \"Regional\" (it was under \"National\").", reply);
        Assert.DoesNotContain("accepts the request", reply);
        Assert.Contains("Fundación Derechos Humanos — Regional", (await chat.Cora.Says("partners")).Text);
    }

    [Theory]
    [InlineData("partners set-category Global Peace Network | Galactic", "not one of the coalition's categories: International, National, Regional, Local")]
    [InlineData("partners set-category Global Peace Network", "Usage: `partners set-category <organisation> | <category>`")]
    [InlineData("partners set-category Nobody Org | National", "I don't know an organisation called \"Nobody Org\"")]
    [InlineData("partners set-category Global Peace Network | International", "Global Peace Network is already listed under \"International\".")]
    public async Task SetCategory_WrongInput_Refuses(string command, string expected)
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        Assert.Contains(expected, (await chat.Cora.Says(command)).Text);
        Assert.Equal("International", await chat.Bot.QueryAsync(db => db.Organisations.Where(o => o.Name == "Global Peace Network").Select(o => o.Category).SingleAsync()));
    }

    [Fact]
    public async Task SetCategory_ByAPartner_IsRefused_AndHelpExplainsIt()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        Assert.Contains("Only coordinators", (await chat.Sam.Says("partners set-category Global Peace Network | National")).Text);
        Assert.Contains("partners set-category <organisation> | <category>\nMoves an organisation to another of the coalition's categories", (await chat.Cora.Says("help partners set-category")).Text);
    }
}
