namespace CoalitionBot.Email;

/// <summary>Configuration section "Email:Smtp": the submission server. The password is a secret: never log it.</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP submission server; empty means "write to the pickup folder".</summary>
    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS, the default) or 465 (TLS from the first byte).</summary>
    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS and refuse to go on without it. Port 465 always uses TLS.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>How long one SMTP command may take before the attempt counts as failed (and is retried later).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
