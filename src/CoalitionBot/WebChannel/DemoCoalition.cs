using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Documents;
using CoalitionBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.WebChannel;

/// <summary>
/// A small demo coalition for the playground: a coordinator, five partner organisations with contacts (one
/// with two), and one draft memo, so a newcomer can run the whole cycle in minutes. Loaded only into an
/// empty database.
/// </summary>
public static class DemoCoalition
{
    public const string CoordinatorEmail = "cora@coalition.example.org";

    public const string DraftText = """
        We write as a coalition of human rights, humanitarian and faith organisations to urge you to attach enforceable human rights conditions to all further military assistance.

        **First**, no assistance should flow to units credibly implicated in gross violations of human rights, as existing law already requires. Vetting must be transparent and its results reported to Congress.

        **Second**, end-use monitoring must be strengthened: every transfer should be traceable, and credible reports of misuse must trigger an immediate review.

        **Third**, civil society in recipient countries must be consulted. Their documentation is often the first warning of abuse.

        We would welcome the opportunity to meet with you and your staff to discuss these recommendations.
        """;

    public static async Task SeedAsync(CoalitionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Coalitions.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var coalition = new Coalition { Id = Core.Features.SetupFeature.FirstCoalitionId, Name = "Rights Before Arms Coalition", TimeZone = "America/New_York", CreatedAt = now };
        db.Coalitions.Add(coalition);
        var cora = Person(db, coalition, null, "Cora Coordinator", CoordinatorEmail, "America/New_York", now);
        cora.IsCoordinator = true;
        cora.IsAuthorisedSigner = false;

        var hra = Org(db, coalition, "The Human Rights Advocates", "International", "United Kingdom", now);
        var gpn = Org(db, coalition, "Global Peace Network", "International", "Switzerland", now);
        var fdh = Org(db, coalition, "Fundación Derechos Humanos", "National", "Mexico", now);
        var cfa = Org(db, coalition, "Citizens for Accountability", "National", "United States", now);
        var rra = Org(db, coalition, "Riverside Refugee Aid", "Local", "United States", now);
        Person(db, coalition, hra, "Amira Haddad", "amira@hra.example.org", "Europe/London", now);
        Person(db, coalition, hra, "Ben Okafor", "ben@hra.example.org", "Europe/London", now);
        Person(db, coalition, gpn, "Sam Lee", "sam@gpn.example.org", "Europe/Zurich", now);
        Person(db, coalition, fdh, "Lucía Gómez", "lucia@fdh.example.org", "America/Mexico_City", now);
        Person(db, coalition, cfa, "Dana Park", "dana@cfa.example.org", "America/New_York", now);
        Person(db, coalition, rra, "Tom Rivers", "tom@rra.example.org", "America/Chicago", now);

        var deadlineLocal = TimeZoneInfo.ConvertTime(now, TimeZones.Find(coalition.TimeZone)).Date.AddDays(7).AddHours(17);
        var memo = new Memo
        {
            CoalitionId = coalition.Id, Number = 1, Title = "Memo to the Secretary of State: human rights conditions on military aid",
            Addressee = "The Secretary of State", Deadline = TimeZones.ToUtc(deadlineLocal, coalition.TimeZone), TimeZone = coalition.TimeZone,
            ConfidentialityNotice = "Draft for coalition members only; please do not share.", CurrentVersion = 1, CreatedBy = cora.Id, CreatedAt = now,
        };
        var text = string.Join("\n", DraftText.Split('\n').Select(l => l.Trim()));
        db.Memos.Add(memo);
        db.Versions.Add(new MemoVersion { MemoId = memo.Id, Number = 1, Markdown = text, ContentHash = MemoDocument.HashOf(text), Substantive = true, AuthorId = cora.Id, CreatedAt = now });
        db.AuditEvents.Add(new AuditEvent { CoalitionId = coalition.Id, MemoId = memo.Id, ActorId = cora.Id, Action = "demo.loaded", Subject = "Demo coalition loaded", At = now });
        await db.SaveChangesAsync(ct);
    }

    private static Organisation Org(CoalitionDbContext db, Coalition coalition, string name, string category, string country, DateTimeOffset now)
    {
        var org = new Organisation { CoalitionId = coalition.Id, Name = name, SortName = SortNames.Derive(name), Category = category, Country = country, CreatedAt = now };
        db.Organisations.Add(org);
        return org;
    }

    private static Contact Person(CoalitionDbContext db, Coalition coalition, Organisation? org, string name, string email, string timeZone, DateTimeOffset now)
    {
        var contact = new Contact { CoalitionId = coalition.Id, OrganisationId = org?.Id, Name = name, Email = email, TimeZone = timeZone, CreatedAt = now };
        db.Contacts.Add(contact);

        // In the playground every demo person can be reached at once, as if they had already opened the chat.
        db.Identities.Add(new ContactIdentity { ContactId = contact.Id, Platform = Platform.Web, TenantId = WebChannelEndpoints.Tenant, UserId = email, ConversationId = "dm:" + email, LastSeenAt = now });
        return contact;
    }
}
