using System.Diagnostics;
using CoalitionBot.Documents.Tests.PartnerLists;
using Xunit.Abstractions;

namespace CoalitionBot.Documents.Tests;

public sealed class LibreOfficeConversionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Opens the generated DOCX in a real word processor; skipped (and reported so) without LibreOffice.
    /// </summary>
    [SkippableFact]
    public void ToDocx_Sample_ConvertsToPdfWithLibreOffice()
    {
        var office = Find("libreoffice") ?? Find("soffice");
        Skip.If(office is null, "neither libreoffice nor soffice is on PATH; the DOCX was only checked with OpenXmlValidator.");

        var directory = Directory.CreateTempSubdirectory("coalitionbot-docx-");
        try
        {
            var docx = Path.Combine(directory.FullName, "partner-list.docx");
            File.WriteAllBytes(docx, DocxExportTests.SampleDocx());
            var start = new ProcessStartInfo(office)
            {
                ArgumentList = { $"-env:UserInstallation=file://{directory.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", directory.FullName, docx },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish within 3 minutes.");
            output.WriteLine(process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd());
            var pdf = Path.Combine(directory.FullName, "partner-list.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice produced no PDF.");
            Assert.True(new FileInfo(pdf).Length > 10_000, "The PDF is suspiciously small.");
            var keep = Environment.GetEnvironmentVariable("COALITIONBOT_KEEP_PDF");
            if (!string.IsNullOrEmpty(keep))
            {
                File.Copy(pdf, keep, overwrite: true);
                File.Copy(docx, Path.ChangeExtension(keep, ".docx"), overwrite: true);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
