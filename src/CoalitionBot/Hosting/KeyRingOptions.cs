using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoalitionBot.Hosting;

/// <summary>
/// Configuration section "DataProtection": the certificate (a PKCS#12 file with its private key) that encrypts the
/// Data Protection key ring in the database. Without it the keys — and so the Slack tokens they protect — are stored
/// readable by anyone who can read the database or its backups.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>A .pfx/.p12 file with the certificate and its private key; empty: keys are stored unprotected.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password (from an environment variable or user secrets; never logged).</summary>
    public string? CertificatePassword { get; set; }

    public bool Protected => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>Loads the certificate; throws when the file is missing, the password wrong, or the private key absent.</summary>
    public X509Certificate2 LoadCertificate()
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath!, CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException("The certificate file has no private key: the key ring could be written but never read again.");
        }

        return certificate;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Protected)
        {
            yield break;
        }

        string? problem = null;
        if (!File.Exists(CertificatePath))
        {
            problem = $"DataProtection:CertificatePath names a file that does not exist ({CertificatePath}).";
        }
        else
        {
            try
            {
                using var certificate = LoadCertificate();
            }
            catch (CryptographicException e)
            {
                problem = $"DataProtection:CertificatePath could not be loaded with DataProtection:CertificatePassword: {e.Message}";
            }
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(CertificatePath)]);
        }
    }
}
