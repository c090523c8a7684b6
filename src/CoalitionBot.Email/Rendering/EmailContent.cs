namespace CoalitionBot.Email.Rendering;

/// <summary>One e-mail's subject and its two bodies (multipart/alternative): plain text and HTML.</summary>
internal sealed record EmailContent(string Subject, string Text, string Html);
