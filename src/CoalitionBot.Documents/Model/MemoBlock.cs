namespace CoalitionBot.Documents;

/// <summary>
/// One block of a parsed memo: the model every renderer (HTML, plain text, DOCX, Slack, Teams, e-mail) writes.
/// Built once by <see cref="MemoDocument.Parse"/>; its links are already restricted to <see cref="SafeLinks"/>.
/// </summary>
public abstract record MemoBlock;
