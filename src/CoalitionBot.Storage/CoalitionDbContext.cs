using System.Text.Json;
using CoalitionBot.Core.Data;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage.Installations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoalitionBot.Storage;

/// <summary>
/// The EF Core model of the coalition. Uniqueness that matters for correctness (one sign-on per signer per
/// memo, one delivery per idempotency key, one row per processed inbound item) is a unique index, so
/// concurrent requests are settled by the database, not by check-then-insert.
/// </summary>
public abstract partial class CoalitionDbContext(DbContextOptions options, CoalitionScope? scope = null) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The coalition every coalition-owned set is filtered to (see <see cref="CoalitionScope"/>); null: all.</summary>
    internal Guid? ScopedCoalition => scope?.CoalitionId;

    public DbSet<Coalition> Coalitions => Set<Coalition>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ContactIdentity> Identities => Set<ContactIdentity>();

    public DbSet<Memo> Memos => Set<Memo>();

    public DbSet<MemoVersion> Versions => Set<MemoVersion>();

    public DbSet<SignOn> SignOns => Set<SignOn>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<ProcessedInbound> ProcessedInbound => Set<ProcessedInbound>();

    public DbSet<WebInboxMessage> WebInbox => Set<WebInboxMessage>();

    public DbSet<HostSecret> HostSecrets => Set<HostSecret>();

    public DbSet<ReminderSnooze> Snoozes => Set<ReminderSnooze>();

    public DbSet<InboundJournalEntry> InboundJournal => Set<InboundJournalEntry>();

    public DbSet<Rosters.RosterPlaceEntry> RosterPlaces => Set<Rosters.RosterPlaceEntry>();

    public DbSet<Rosters.RosterMemberEntry> RosterMembers => Set<Rosters.RosterMemberEntry>();

    public DbSet<PersonalLink> PersonalLinks => Set<PersonalLink>();

    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();

    public DbSet<Core.Dashboard.DashboardLink> DashboardLinks => Set<Core.Dashboard.DashboardLink>();

    public DbSet<Core.Dashboard.DashboardSession> DashboardSessions => Set<Core.Dashboard.DashboardSession>();

    public DbSet<SlackInstallation> SlackInstallations => Set<SlackInstallation>();

    public DbSet<OAuthStateUse> OAuthStateUses => Set<OAuthStateUse>();

    public DbSet<CoalitionLink> CoalitionLinks => Set<CoalitionLink>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every instance (it encrypts the Slack tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The platforms' rate budgets shared by every instance (<see cref="Outbox.DatabaseSendBudget"/>).</summary>
    public DbSet<SendBudgetSlot> SendBudgetSlots => Set<SendBudgetSlot>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<string>().HaveMaxLength(400);
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Coalition>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            StringList(e.Property(x => x.Categories));
            e.Property(x => x.ReminderOffsets).HasMaxLength(100);
        });
        model.Entity<Organisation>(e =>
        {
            e.HasIndex(x => new { x.CoalitionId, x.Name });
            StringList(e.Property(x => x.Aliases));
        });
        model.Entity<Contact>(e =>
        {
            e.HasIndex(x => new { x.CoalitionId, x.Email });
            e.Property(x => x.UnreachableReason).HasMaxLength(1000);
        });
        model.Entity<ContactIdentity>(e =>
        {
            // One identity row per contact: a person in several coalitions is a contact, with this identity, in each.
            e.HasIndex(x => new { x.Platform, x.TenantId, x.UserId, x.ContactId }).IsUnique();
            e.HasIndex(x => x.ContactId);
            e.Property(x => x.Reference).HasMaxLength(4000);
            e.Property(x => x.RouteFailure).HasMaxLength(1000);
        });
        model.Entity<Memo>(e =>
        {
            e.HasIndex(x => new { x.CoalitionId, x.Number }).IsUnique();
            e.Ignore(x => x.Code);
            e.Property(x => x.ConfidentialityNotice).HasMaxLength(1000);
        });
        model.Entity<MemoVersion>(e =>
        {
            e.HasIndex(x => new { x.MemoId, x.Number }).IsUnique();
            e.Property(x => x.Markdown).HasMaxLength(int.MaxValue);
            e.Ignore(x => x.ShortHash);
        });
        model.Entity<SignOn>(e =>
        {
            e.HasIndex(x => new { x.MemoId, x.SignerKey }).IsUnique();
            e.Property(x => x.Reason).HasMaxLength(4000);
        });
        model.Entity<Comment>(e =>
        {
            e.HasIndex(x => new { x.MemoId, x.Number }).IsUnique();
            e.Property(x => x.Text).HasMaxLength(8000);
        });
        model.Entity<AuditEvent>(e =>
        {
            e.HasIndex(x => new { x.MemoId, x.At });
            e.Property(x => x.Subject).HasMaxLength(1000);
            e.Property(x => x.Before).HasMaxLength(int.MaxValue);
            e.Property(x => x.After).HasMaxLength(int.MaxValue);
            e.Property(x => x.Via).HasMaxLength(100);
            e.Property(x => x.IpAddress).HasMaxLength(64);
        });
        model.Entity<PersonalLink>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Seed).HasMaxLength(64);

            // One active link per contact and memo; revoked and replaced ones stay for the record.
            e.HasIndex(x => new { x.MemoId, x.ContactId }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        });
        model.Entity<Delivery>(e =>
        {
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.State, x.NotBefore });
            e.HasIndex(x => x.MemoId);
            e.Property(x => x.Payload).HasMaxLength(int.MaxValue);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.Route).HasMaxLength(200);
            e.Property(x => x.ChannelId).HasMaxLength(200);
        });
        model.Entity<JoinRequest>(e =>
        {
            e.HasIndex(x => new { x.CoalitionId, x.Number }).IsUnique(); // `partners approve 3` names one request
            e.HasIndex(x => new { x.CoalitionId, x.Platform, x.TenantId, x.UserId });
            e.Property(x => x.TenantId).HasMaxLength(200);
            e.Property(x => x.UserId).HasMaxLength(200);
            e.Property(x => x.Reference).HasMaxLength(4000);
            e.Property(x => x.OrganisationName).HasMaxLength(200);
            e.Property(x => x.PersonName).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(320);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.MemoCode).HasMaxLength(20);
        });
        model.Entity<ReminderSnooze>(e =>
        {
            e.ToTable("ReminderSnoozes");
            e.HasIndex(x => new { x.MemoId, x.ContactId }).IsUnique();
        });
        model.Entity<InboundJournalEntry>(e =>
        {
            e.HasKey(x => new { x.Platform, x.Key });
            e.HasIndex(x => new { x.Platform, x.CompletedAt, x.ReceivedAt });
            e.Property(x => x.Payload).HasMaxLength(int.MaxValue);
        });
        model.Entity<ProcessedInbound>(e =>
        {
            e.HasKey(x => x.Key);
            e.HasIndex(x => x.At);
        });
        model.Entity<WebInboxMessage>(e =>
        {
            e.HasIndex(x => new { x.ContactId, x.Id });
            e.HasIndex(x => x.DeliveryId).IsUnique();
            e.Property(x => x.Payload).HasMaxLength(int.MaxValue);
        });
        model.Entity<Core.Dashboard.DashboardLink>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Ignore(x => x.Identity);
        });
        model.Entity<Core.Dashboard.DashboardSession>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.LinkId).IsUnique(); // a link signs in once
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Ignore(x => x.Identity);
        });
        model.Entity<HostSecret>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(500);
        });
        Rosters.RosterConfiguration.Apply(model);

        model.Entity<SlackInstallation>(e =>
        {
            e.HasIndex(x => x.TeamId).IsUnique();
            e.Property(x => x.TeamId).HasMaxLength(40);
            e.Property(x => x.ProtectedBotToken).HasMaxLength(4000);
            e.Property(x => x.ProtectedRefreshToken).HasMaxLength(4000);
            e.Property(x => x.Scopes).HasMaxLength(2000);
        });
        model.Entity<OAuthStateUse>(e =>
        {
            e.HasKey(x => x.Nonce);
            e.Property(x => x.Nonce).HasMaxLength(64);
            e.HasIndex(x => x.UsedAt);
        });
        model.Entity<DataProtectionKey>(e => e.Property(x => x.Xml).HasMaxLength(int.MaxValue));
        model.Entity<SendBudgetSlot>(e =>
        {
            e.HasKey(x => new { x.Budget, x.Slot });
            e.Property(x => x.Budget).HasMaxLength(200);
        });
        model.Entity<CoalitionLink>(e => e.HasIndex(x => new { x.Platform, x.TenantId, x.ConversationId }).IsUnique());
        ScopeToCoalition(model);
    }

    private static void StringList(PropertyBuilder<List<string>> property)
    {
        property.HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>())
            .HasMaxLength(4000)
            .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                (a, b) => (a ?? new List<string>()).SequenceEqual(b ?? new List<string>()),
                v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
                v => v.ToList()));
    }
}
