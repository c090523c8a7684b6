using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoalitionBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CoalitionBot.Tests.Hosting;

/// <summary>The key ring in the database, encrypted with the configured certificate: unreadable to a host without it.</summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coalitionbot-keys-").FullName;

    [Fact]
    public async Task KeysWrittenWithTheCertificate_AreEncrypted_AndNotReadableWithoutIt()
    {
        var database = $"Data Source={Path.Combine(_folder, "shared.db")}";
        var withCertificate = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = database,
            ["DataProtection:CertificatePath"] = WriteCertificate("pfx-password"),
            ["DataProtection:CertificatePassword"] = "pfx-password",
        };

        string secret;
        await using (var first = new BotFactory(withCertificate))
        {
            secret = Protector(first).Protect("xoxb-a-workspace-token");
            var xml = await KeyXmlAsync(first);
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml); // the master key's plain form
            Assert.DoesNotContain(first.Logs.GetSnapshot(), r => r.Id.Id == 3003);
        }

        await using (var without = new BotFactory(new() { ["Storage:ConnectionString"] = database }))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(without).Unprotect(secret));
        }

        await using var again = new BotFactory(withCertificate);
        Assert.Equal("xoxb-a-workspace-token", Protector(again).Unprotect(secret));
    }

    [Fact]
    public async Task Start_WithoutACertificate_WarnsOnceThatKeysAreUnprotected()
    {
        await using var factory = new BotFactory();
        _ = factory.CreateClient();

        var warning = Assert.Single(factory.Logs.GetSnapshot(), r => r.Id.Id == 3003);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("DataProtection:CertificatePath", warning.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static IDataProtector Protector(BotFactory factory) => factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingCertificateTests");

    private static async Task<string> KeyXmlAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        return string.Join("\n", await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
    }

    private string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CoalitionBot key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
