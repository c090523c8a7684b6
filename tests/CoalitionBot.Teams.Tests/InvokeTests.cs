using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Messages;
using CoalitionBot.Teams.Tests.Support;
using Xunit;

namespace CoalitionBot.Teams.Tests;

public sealed class InvokeTests
{
    [SkippableFact]
    public async Task ActionExecute_Status_AnswersWithRefreshedCard()
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Execute(ActionIds.Status, new JsonObject { ["cb.action"] = ActionIds.Status, ["cb.value"] = "M-12" }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var card = body["value"]!.AsObject();
        Assert.Contains("\"42\"", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ActionIds.Refresh, card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        await Schemas.AssertValidCardAsync(card);
        Assert.Equal(new ButtonAction(ActionIds.Status, "M-12"), Assert.Single(bot.Handler.Received).Content);
    }

    [Fact]
    public async Task CardRefresh_Automatic_AnswersWithCardForTheViewer()
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Execute(ActionIds.Refresh, new JsonObject { ["cb.action"] = ActionIds.Refresh, ["cb.value"] = "M-12" }, automatic: true, personal: false));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("application/vnd.microsoft.card.adaptive", body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ActionExecute_UnknownData_ErrorObject()
    {
        await using var bot = await TeamsBot.StartAsync();

        using var response = await bot.SendAsync(bot.Activities.Execute("form:nothing", new JsonObject { ["foo"] = "bar" }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Empty(bot.Handler.Received);
    }

    [SkippableFact]
    public async Task TaskFetch_SignButton_OpensFormDialog()
    {
        await using var bot = await TeamsBot.StartAsync();
        var data = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "task/fetch" }, ["cb.action"] = ActionIds.Sign, ["cb.value"] = "M-12" };

        using var response = await bot.SendAsync(bot.Activities.Task("task/fetch", data, personal: false));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("continue", body!["task"]!["type"]!.GetValue<string>());
        Assert.Equal("Sign on to M-12", body["task"]!["value"]!["title"]!.GetValue<string>());
        var card = body["task"]!["value"]!["card"]!["content"]!.AsObject();
        await Schemas.AssertValidCardAsync(card);
        var inputs = card["body"]!.AsArray().Select(e => e!["id"]?.GetValue<string>()).Where(id => id is not null).ToList();
        Assert.Contains("displayName", inputs);
        Assert.Contains("until__date", inputs);
        Assert.Equal("Action.Submit", card["actions"]![0]!["type"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task TaskSubmit_MissingName_DialogAgainWithFieldError()
    {
        await using var bot = await TeamsBot.StartAsync();
        var data = new JsonObject { ["cb.form"] = FormIds.SignOn, ["cb.context"] = "M-12", ["displayName"] = "", ["attest"] = "true" };

        using var response = await bot.SendAsync(bot.Activities.Task("task/submit", data));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("continue", body!["task"]!["type"]!.GetValue<string>());
        var card = body["task"]!["value"]!["card"]!["content"]!.AsObject();
        var elements = card["body"]!.AsArray().ToList();
        var nameIndex = elements.FindIndex(e => e!["id"]?.GetValue<string>() == "displayName");
        Assert.Equal("attention", elements[nameIndex + 1]!["color"]!.GetValue<string>());
        Assert.Contains("organisation", elements[nameIndex + 1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await Schemas.AssertValidCardAsync(card);
    }

    [Fact]
    public async Task TaskSubmit_Accepted_ClosesDialogAndSendsConfirmation()
    {
        await using var bot = await TeamsBot.StartAsync();
        var data = new JsonObject { ["cb.form"] = FormIds.SignOn, ["cb.context"] = "M-12", ["displayName"] = "Oxfam", ["attest"] = "true" };

        using var response = await bot.SendAsync(bot.Activities.Task("task/submit", data));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        await bot.Simulator.WaitForActivitiesAsync(1, TeamsBot.Timeout());

        Assert.Equal("message", body!["task"]!["type"]!.GetValue<string>());
        Assert.Equal("Signed M-12 for Oxfam.", body["task"]!["value"]!.GetValue<string>());
        Assert.Contains("Oxfam", bot.Simulator.Activities[0].Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownInvoke_OkWithEmptyBody()
    {
        await using var bot = await TeamsBot.StartAsync();
        var activity = bot.Activities.Base("invoke", null, personal: true, text: null);
        activity["name"] = "composeExtension/query";

        using var response = await bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Handler.Received);
    }
}
