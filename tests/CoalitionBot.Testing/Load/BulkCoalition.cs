using CoalitionBot.Core.Conversation;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;

namespace CoalitionBot.Testing.Load;

/// <summary>
/// Seeds a coalition for load and multi-instance tests straight into the store: a coordinator, N partner
/// organisations with one contact each (already known on the web channel, as if they had said hello), and
/// memo M-1 as a draft, so a test can `circulate M-1` through the real pipeline.
/// </summary>
public static class BulkCoalition
{
    public const string CoordinatorEmail = "cora@coalition.org";

    public static string PartnerEmail(int i) => $"partner{i:D4}@example.org";

    /// <summary>
    /// Seeds the coalition; <paramref name="openMemo"/> makes M-1 open already (for sign-on load without circulation);
    /// <paramref name="partnerIdentity"/> gives partner i a chat identity on another platform than the web channel.
    /// </summary>
    public static async Task SeedAsync(
        CoalitionDbContext db, int partners, DateTimeOffset now, bool openMemo = false, Func<Contact, int, ContactIdentity>? partnerIdentity = null, CancellationToken ct = default)
    {
        var coalition = new Coalition { Name = "Load Coalition", CreatedAt = now };
        var coordinator = new Contact { CoalitionId = coalition.Id, Name = "Cora", Email = CoordinatorEmail, IsCoordinator = true, IsAuthorisedSigner = false, CreatedAt = now };
        db.Coalitions.Add(coalition);
        db.Contacts.Add(coordinator);
        db.Identities.Add(Identity(coordinator, now));
        for (var i = 0; i < partners; i++)
        {
            var name = $"Partner Organisation {i:D4}";
            var organisation = new Organisation { CoalitionId = coalition.Id, Name = name, SortName = name, Category = "International", CreatedAt = now };
            var contact = new Contact { CoalitionId = coalition.Id, OrganisationId = organisation.Id, Name = $"Contact {i:D4}", Email = PartnerEmail(i), CreatedAt = now };
            db.Organisations.Add(organisation);
            db.Contacts.Add(contact);
            db.Identities.Add(partnerIdentity?.Invoke(contact, i) ?? Identity(contact, now));
        }

        var memo = new Memo
        {
            CoalitionId = coalition.Id, Number = 1, Title = "Memo to the Secretary of State", Addressee = "The Secretary of State",
            Deadline = now.AddDays(14), CurrentVersion = 1, CreatedBy = coordinator.Id, CreatedAt = now,
            Status = openMemo ? MemoStatus.Open : MemoStatus.Draft,
        };
        const string text = "We urge you to attach human rights conditions to military aid.\n\nVet every unit that receives assistance.";
        db.Memos.Add(memo);
        db.Versions.Add(new MemoVersion { MemoId = memo.Id, Number = 1, Markdown = text, ContentHash = Documents.MemoDocument.HashOf(text), Substantive = true, AuthorId = coordinator.Id, CreatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The body partner <paramref name="i"/>'s browser posts to /web/api/send to sign M-1 for their organisation.</summary>
    public static object WebSignOn(int i, string id) => new
    {
        id,
        email = PartnerEmail(i),
        formId = "signon",
        context = "M-1",
        fields = new Dictionary<string, string>
        {
            ["display_name"] = $"Partner Organisation {i:D4}",
            ["signatory_name"] = $"Contact {i:D4}",
            ["signatory_title"] = "Director",
            ["category"] = "International",
            ["attest"] = "true",
        },
    };

    /// <summary>The neutral inbound a web-channel person sends: a command, with the delivery id given or fresh.</summary>
    public static Inbound Says(string email, string text, string? deliveryId = null) =>
        new(deliveryId ?? Guid.NewGuid().ToString("N"), new Actor(new ChatIdentity(Platform.Web, "local", email), email, email),
            new Place(Platform.Web, "local", "dm:" + email, PlaceKind.Direct), new CommandText(text));

    private static ContactIdentity Identity(Contact contact, DateTimeOffset now) =>
        new() { ContactId = contact.Id, Platform = Platform.Web, TenantId = "local", UserId = contact.Email!, LastSeenAt = now };
}
