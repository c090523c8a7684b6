using System.Text;
using CoalitionBot.Documents;

namespace CoalitionBot.WebChannel;

/// <summary>
/// `POST /web/api/upload` (multipart: <c>file</c>, and <c>kind</c> = memo | csv): turns an uploaded .md/.docx draft
/// (through <see cref="MemoImporter"/>) or a directory .csv into text for the page to put in a form's text area or
/// the message box. Nothing is stored; warnings go back to the coordinator, never dropped.
/// </summary>
public static partial class WebUploadEndpoint
{
    public const int MaxCsvBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static RouteGroupBuilder MapWebUpload(this RouteGroupBuilder group)
    {
        group.MapPost("/upload", Upload).DisableAntiforgery();
        return group;
    }

    private static async Task<IResult> Upload(HttpRequest request, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Error("Send the file as multipart/form-data with a field named \"file\".");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException && !ct.IsCancellationRequested)
        {
            // No boundary, a truncated part, a part over the form limits: the browser never sends these.
            LogRefused(loggers.CreateLogger(typeof(WebUploadEndpoint)), "not valid multipart/form-data (" + e.GetType().Name + ")");
            WebChannelEndpoints.Rejected(request.HttpContext, "malformed");
            return Error("The upload is not valid multipart/form-data; send the file with a field named \"file\".");
        }
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return Error("Choose a file first.");
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var kind = form["kind"].ToString() is { Length: > 0 } k ? k : extension == ".csv" ? "csv" : "memo";
        if (file.Length > MemoImporter.MaxDocxBytes)
        {
            return Error($"The file is larger than {MemoImporter.MaxDocxBytes / (1024 * 1024)} MB.");
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        try
        {
            return kind switch
            {
                "csv" when extension is ".csv" or ".txt" => Csv(buffer.ToArray()),
                "csv" => Error("For the partner directory upload a .csv file (UTF-8)."),
                _ when extension == ".docx" => Imported(MemoImporter.FromDocx(new MemoryStream(buffer.ToArray()))),
                _ when extension is ".md" or ".markdown" or ".txt" => Imported(MemoImporter.FromMarkdownFile(buffer.ToArray())),
                _ => Error($"I can import a memo from a Word file (.docx) or Markdown (.md), not \"{extension}\"."),
            };
        }
        catch (MemoImportException e)
        {
            LogRefused(loggers.CreateLogger(typeof(WebUploadEndpoint)), e.Message);
            WebChannelEndpoints.Rejected(request.HttpContext, "file_refused");
            return Error(e.Message);
        }
    }

    private static IResult Imported(MemoImport import) => Results.Ok(new { text = import.Markdown, warnings = import.Warnings });

    private static IResult Csv(byte[] bytes)
    {
        if (bytes.Length > MaxCsvBytes)
        {
            return Error($"The CSV is larger than {MaxCsvBytes / 1024 / 1024} MB.");
        }

        try
        {
            return Results.Ok(new { text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF'), warnings = Array.Empty<string>() });
        }
        catch (DecoderFallbackException)
        {
            return Error("The CSV is not UTF-8 text; save it as \"CSV UTF-8\" and upload it again.");
        }
    }

    private static IResult Error(string message) => Results.BadRequest(new { error = message });

    [LoggerMessage(EventId = LogEvents.UploadRefused, Level = LogLevel.Warning, Message = "Refused a web channel upload: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
