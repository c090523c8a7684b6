using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage.Rosters;

/// <summary>
/// Rosters: one place per platform and id (so a repeated install event updates the row), one member per place
/// and member id, and indexes for finding a person by e-mail or user principal name.
/// </summary>
internal static class RosterConfiguration
{
    public static void Apply(ModelBuilder model)
    {
        model.Entity<RosterPlaceEntry>(e =>
        {
            e.ToTable("RosterPlaces");
            e.HasIndex(x => new { x.Platform, x.PlaceId }).IsUnique();
            e.HasIndex(x => new { x.Platform, x.Active });
            e.Property(x => x.ServiceUrl).HasMaxLength(1000);
            e.Property(x => x.Change).IsConcurrencyToken();
        });
        model.Entity<RosterMemberEntry>(e =>
        {
            e.ToTable("RosterMembers");
            e.HasIndex(x => new { x.PlaceEntryId, x.MemberId }).IsUnique();
            e.HasIndex(x => x.Email);
            e.HasIndex(x => x.UserPrincipalName);
            e.HasIndex(x => x.UserId);
            e.HasOne<RosterPlaceEntry>().WithMany().HasForeignKey(x => x.PlaceEntryId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
