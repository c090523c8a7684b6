using CoalitionBot.Testing.Conversation;

namespace CoalitionBot.Core.Tests.Conversation;

/// <summary>A coalition set up the way a coordinator would in chat: three partners, contacts, one draft memo.</summary>
internal sealed class CoalitionChat : IAsyncDisposable
{
    public const string MemoText = """
        We urge you to attach human rights conditions to military aid.

        **First**, vet every unit that receives assistance.

        **Second**, strengthen end-use monitoring.
        """;

    private CoalitionChat(TestBot bot)
    {
        Bot = bot;
        Cora = bot.Person("Cora Coordinator", "cora@coalition.org", "Europe/Berlin");
        Amira = bot.Person("Amira Haddad", "amira@hra.org", "Europe/London");
        Ben = bot.Person("Ben Okafor", "ben@hra.org", "Europe/London");
        Sam = bot.Person("Sam Lee", "sam@gpn.org", "Europe/Zurich");
        Lucia = bot.Person("Lucía Gómez", "lucia@fdh.org", "America/Mexico_City");
        Stranger = bot.Person("Stranger", "who@nowhere.org");
    }

    public TestBot Bot { get; }

    public Person Cora { get; }

    public Person Amira { get; }

    public Person Ben { get; }

    public Person Sam { get; }

    public Person Lucia { get; }

    public Person Stranger { get; }

    /// <summary>Set up, three organisations, four contacts (two for The Human Rights Advocates), and memo M-1 as a draft.</summary>
    public static async Task<CoalitionChat> StartAsync(bool circulate = true)
    {
        var chat = new CoalitionChat(await TestBot.StartAsync());
        await chat.Cora.Says("setup Rights Before Arms");
        await chat.Cora.Says("partners add The Human Rights Advocates | International | United Kingdom");
        await chat.Cora.Says("partners add Global Peace Network | International | Switzerland");
        await chat.Cora.Says("partners add Fundación Derechos Humanos | National | Mexico");
        await chat.Cora.Says("partners link The Human Rights Advocates | Amira Haddad | amira@hra.org");
        await chat.Cora.Says("partners link The Human Rights Advocates | Ben Okafor | ben@hra.org");
        await chat.Cora.Says("partners link Global Peace Network | Sam Lee | sam@gpn.org");
        await chat.Cora.Says("partners link Fundación Derechos Humanos | Lucía Gómez | lucia@fdh.org");
        foreach (var partner in new[] { chat.Amira, chat.Ben, chat.Sam, chat.Lucia })
        {
            await partner.Says("help"); // first contact links their chat identity by e-mail
        }

        await chat.Cora.Says("new Memo to the Secretary of State | The Secretary of State | 2026-11-20 17:00 | Europe/Berlin\n" + MemoText);
        if (circulate)
        {
            await chat.Cora.Says("circulate M-1");
        }

        return chat;
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
