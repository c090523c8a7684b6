using System.Net.Http.Json;
using CoalitionBot.Core.Domain;
using CoalitionBot.Storage;
using CoalitionBot.Testing.Hosting;
using CoalitionBot.Testing.Load;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace CoalitionBot.Tests.Crash;

/// <summary>
/// Sign-ons are acknowledged once they are in the inbound journal, before they are applied. The host as a separate
/// process on SQLite takes a burst of web sign-on forms, is killed with SIGKILL as soon as the last one is acknowledged
/// (most are then journaled but not yet applied), and is started again: every acknowledged sign-on is stored, exactly
/// once per organisation.
/// </summary>
public sealed class SignOnCrashTests(ITestOutputHelper output)
{
    private const int Partners = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SignOnBurst_KilledRightAfterTheAcks_EveryAcknowledgedSignOnStoredOnce()
    {
        var folder = Directory.CreateTempSubdirectory("coalitionbot-crash-").FullName;
        var options = new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bot.db")}").Options;
        await using (var db = new SqliteCoalitionDbContext(options))
        {
            await db.Database.MigrateAsync();
            await BulkCoalition.SeedAsync(db, Partners, DateTimeOffset.UtcNow, openMemo: true);
        }

        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "bot.db")}",
            ["WebChannel__Enabled"] = "true",
            ["WebChannel__JournaledFormWait"] = "00:00:00", // acknowledge as soon as it is journaled, as under a burst
            ["Receiving__RecoverAfter"] = "00:00:01", // the dead process's unfinished items come back a second later
            ["Receiving__RecoveryInterval"] = "00:00:01",
            ["Reminders__Enabled"] = "false",
        };

        var acknowledged = new List<int>();
        await using (var first = await HostProcess.StartAsync(HostProcess.FreePort(), environment, Patience))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = Patience };
            var answers = await Task.WhenAll(Enumerable.Range(0, Partners).Select(async i =>
            {
                using var response = await http.PostAsJsonAsync("web/api/send", BulkCoalition.WebSignOn(i, "crash-" + i));
                var body = await response.Content.ReadAsStringAsync();
                return (i, Acked: response.IsSuccessStatusCode && (body.Contains("\"formReceived\"", StringComparison.Ordinal) || body.Contains("\"formAccepted\"", StringComparison.Ordinal)));
            }));
            await first.KillAsync();
            acknowledged.AddRange(answers.Where(a => a.Acked).Select(a => a.i));
        }

        var storedAtKill = await SignedAsync(options);
        output.WriteLine($"{acknowledged.Count} of {Partners} sign-ons acknowledged; {storedAtKill} applied when the process was killed");
        Assert.Equal(Partners, acknowledged.Count);

        await using (var second = await HostProcess.StartAsync(HostProcess.FreePort(), environment, Patience))
        {
            var deadline = DateTime.UtcNow + Patience;
            while (await SignedAsync(options) < acknowledged.Count)
            {
                Assert.True(DateTime.UtcNow < deadline, "The restarted host did not apply every journaled sign-on in time:\n" + second.Log);
                await Task.Delay(200); // a bounded poll: the other process's progress raises no event here
            }
        }

        await using (var db = new SqliteCoalitionDbContext(options))
        {
            var perOrganisation = await db.SignOns.GroupBy(s => s.OrganisationId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(Partners, perOrganisation.Count);
            Assert.All(perOrganisation, n => Assert.Equal(1, n));
            Assert.Equal(Partners, await db.SignOns.CountAsync(s => s.State == SignOnState.Signed && s.SignatoryTitle == "Director"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<int> SignedAsync(DbContextOptions<SqliteCoalitionDbContext> options)
    {
        await using var db = new SqliteCoalitionDbContext(options);
        return await db.SignOns.CountAsync(s => s.State == SignOnState.Signed);
    }
}
