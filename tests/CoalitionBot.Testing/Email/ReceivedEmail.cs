using MimeKit;

namespace CoalitionBot.Testing.Email;

/// <summary>A message the test server accepted, and whether its session was encrypted.</summary>
public sealed record ReceivedEmail(MimeMessage Message, bool Secure);
