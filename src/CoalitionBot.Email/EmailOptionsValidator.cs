using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoalitionBot.Email;

/// <summary>Checks the e-mail settings at start and names the key that is wrong.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        if (!IsAddress(options.From, out var from))
        {
            errors.Add("Email:From must be an e-mail address, e.g. \"Our coalition <memos@coalition.example.org>\".");
        }

        if (!string.IsNullOrWhiteSpace(options.UnsubscribeAddress) && !IsAddress(options.UnsubscribeAddress, out _))
        {
            errors.Add("Email:UnsubscribeAddress must be an e-mail address (or empty for the From address).");
        }

        if (string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            errors.Add("Email:PickupDirectory must name a folder (default data/mail).");
        }

        var smtp = options.Smtp;
        if (options.SendsOverSmtp)
        {
            if (smtp.Port is < 1 or > 65535)
            {
                errors.Add("Email:Smtp:Port must be between 1 and 65535 (587 for STARTTLS, 465 for TLS).");
            }

            if (from?.Domain is "localhost")
            {
                errors.Add("Email:From must be an address of your sending domain when Email:Smtp:Host is set.");
            }

            if (!string.IsNullOrEmpty(smtp.Username) && string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add("Email:Smtp:Password is required when Email:Smtp:Username is set.");
            }

            if (!string.IsNullOrEmpty(smtp.Username) && !smtp.UseStartTls && smtp.Port != 465 && !IsLoopback(smtp.Host!))
            {
                errors.Add("Refusing to send the SMTP password without TLS: set Email:Smtp:UseStartTls=true or use port 465.");
            }

            if (smtp.Timeout < TimeSpan.FromSeconds(1) || smtp.Timeout > TimeSpan.FromMinutes(5))
            {
                errors.Add("Email:Smtp:Timeout must be between 00:00:01 and 00:05:00.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAddress(string? text, out MailboxAddress? address)
    {
        address = null;
        if (!MailboxAddress.TryParse(text, out var parsed) || parsed.LocalPart.Length == 0 || parsed.Domain.Length == 0)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
