using System.Text;
using CoalitionBot.Core.Messages;

namespace CoalitionBot.Testing.Conversation;

/// <summary>
/// The worst case for a `status` reply, for the platform renderers' limit tests: 300 organisations with names near
/// the 200-character limit, 60 of them declining with long reasons, the rest silent.
/// </summary>
public static class HugeCampaign
{
    public const int Organisations = 300;

    public static async Task<Message> StatusAsync()
    {
        await using var bot = await TestBot.StartAsync();
        var cora = bot.Person("Cora Coordinator", "cora@coalition.example.org");
        await cora.Says("setup Huge Coalition");
        var csv = new StringBuilder("partners import\norganisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\n");
        for (var i = 0; i < Organisations; i++)
        {
            csv.Append($"Organización número {i:000} ").Append('x', 170).Append($",,{(i % 2 == 0 ? "National" : "Local")},Chile,Contact {i},c{i}@huge.example.org,,\n");
        }

        await cora.Says(csv.ToString());
        await cora.Says("new A memo | The Minister | 2026-12-20 17:00\nWe urge you.");
        await cora.Says("circulate M-1");
        for (var i = 0; i < 60; i++)
        {
            await bot.Person($"Contact {i}", $"c{i}@huge.example.org").Says("decline M-1 " + string.Concat(Enumerable.Repeat("Our board has not met yet & <will> not meet. ", 20)));
        }

        return (await cora.Says("status M-1")).Message ?? throw new InvalidOperationException("status gave no message");
    }
}
