using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CoalitionBot.Core.Tests.Conversation;

public sealed class CoalitionSettingsTests
{
    [Fact]
    public async Task Coordinator_ReordersCategories_AndTheListFollows()
    {
        await using var chat = await CoalitionChat.StartAsync();
        await chat.Sam.SignsOn("M-1");
        await chat.Lucia.SignsOn("M-1");
        Assert.Contains("Partners still use \"International\"", (await chat.Cora.Says("coalition categories National, Local")).Text);
        var shown = await chat.Cora.Says("coalition categories National, International, Regional, Local");
        Assert.Contains("Categories, in list order: National, International, Regional, Local", shown.Text);
        var list = (await chat.Cora.Says("compile M-1")).Text;
        Assert.True(list.IndexOf("National", StringComparison.Ordinal) < list.IndexOf("International", StringComparison.Ordinal), list);
    }

    [Fact]
    public async Task Culture_AndTimeZone_AreValidated_AndAudited()
    {
        await using var chat = await CoalitionChat.StartAsync(circulate: false);
        Assert.Contains("Alphabetised as: es-ES", (await chat.Cora.Says("coalition culture es-ES")).Text);
        Assert.Contains("Usage: `coalition", (await chat.Cora.Says("coalition culture klingon")).Text);
        Assert.Contains("Usage: `coalition", (await chat.Cora.Says("coalition timezone Mars/Olympus")).Text);
        Assert.Contains("Only coordinators", (await chat.Amira.Says("coalition name Hijacked")).Text);
        Assert.Equal(1, await chat.Bot.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "coalition.changed")));
    }
}
