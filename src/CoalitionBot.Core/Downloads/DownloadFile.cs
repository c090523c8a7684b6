namespace CoalitionBot.Core.Downloads;

/// <summary>A file to send: its name, media type and bytes.</summary>
public sealed record DownloadFile(string FileName, string ContentType, byte[] Content);
