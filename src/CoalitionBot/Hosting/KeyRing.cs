using CoalitionBot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace CoalitionBot.Hosting;

/// <summary>
/// One Data Protection key ring for Slack tokens, antiforgery and sign-in cookies, kept in the database so every
/// instance shares it, and encrypted with the configured certificate (<see cref="KeyRingOptions"/>) when there is one.
/// </summary>
internal static class KeyRing
{
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var keys = services.AddDataProtection().SetApplicationName("CoalitionBot").PersistKeysToDbContext<CoalitionDbContext>();
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (options.Protected && File.Exists(options.CertificatePath))
        {
            // Decrypting with the same in-memory certificate: it need not be in an X.509 store on the machine.
            var certificate = options.LoadCertificate();
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }
}
