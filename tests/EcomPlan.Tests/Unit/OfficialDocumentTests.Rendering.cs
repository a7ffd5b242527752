using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using EcomPlan.Web.Features.Reporting;
using Xunit.Abstractions;

namespace EcomPlan.Tests.Unit;

public partial class OfficialDocumentTests(ITestOutputHelper output)
{
    private static readonly string[] SofficePaths = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];

    [Fact]
    public void LibreOffice_renders_the_report_on_a_sane_number_of_pages()
    {
        var soffice = SofficePaths.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            // The CI installs LibreOffice, so there a missing one is a broken setup, not a machine without it.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail("LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui");
            return;
        }
        var work = Directory.CreateTempSubdirectory("ecomplan-docx-");
        try
        {
            var small = Path.Combine(work.FullName, "bao-cao.docx");
            var large = Path.Combine(work.FullName, "bao-cao-200-dong.docx");
            File.WriteAllBytes(small, OfficialDocx.Write(OfficialDocumentSample.Report()));
            File.WriteAllBytes(large, OfficialDocx.Write(OfficialDocumentSample.Report(extraTargetRows: 200)));
            ConvertToPdf(soffice, work.FullName, small, large);

            var smallPages = PageCount(Path.ChangeExtension(small, ".pdf"));
            var largePages = PageCount(Path.ChangeExtension(large, ".pdf"));
            output.WriteLine($"LibreOffice pages: sample {smallPages}, with 200 more rows {largePages}");
            Assert.InRange(smallPages, 1, 10);
            Assert.True(largePages > smallPages, $"200 more rows should need more pages: {largePages} vs {smallPages}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // A private profile, so that parallel runs (and a user's own LibreOffice) do not lock each other out.
    private static void ConvertToPdf(string soffice, string directory, params string[] files)
    {
        var profile = Path.Combine(directory, "profile");
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[$"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", directory, .. files])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("LibreOffice did not convert within 120 s.");
        }
        var pdfs = files.Select(f => Path.ChangeExtension(f, ".pdf")).ToList();
        Assert.True(process.ExitCode == 0 && pdfs.All(File.Exists),
            $"LibreOffice failed (exit {process.ExitCode}): {stdout.Result} {stderr.Result}");
    }

    // Page objects, not the /Pages tree nodes; LibreOffice writes them uncompressed.
    private static int PageCount(string pdf) =>
        Regex.Count(Encoding.Latin1.GetString(File.ReadAllBytes(pdf)), @"/Type\s*/Page(?![A-Za-z])");
}
