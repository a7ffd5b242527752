using System.IO.Compression;
using System.Security.Cryptography;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// Files attached to a report. A file is accepted only if its extension is allowed, its size is within the limit and
/// its content is what the extension says (a renamed .exe is not a PDF); otherwise nothing is stored.
/// </summary>
public static class ReportAttachments
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFilesPerReport = 20;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    /// <summary>The content type for an accepted file, or the Vietnamese reason it is refused. Pure.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName);
        if (!ContentTypes.TryGetValue(extension, out var type))
            return (null, $"Tệp '{fileName}': chỉ nhận PDF, DOCX, XLSX, PNG hoặc JPEG.");
        if (content.Length == 0) return (null, $"Tệp '{fileName}' rỗng.");
        if (content.Length > MaxBytes) return (null, $"Tệp '{fileName}' nặng {content.Length / 1024 / 1024} MB, vượt giới hạn {MaxBytes / 1024 / 1024} MB.");
        var matches = extension.ToLowerInvariant() switch
        {
            ".pdf" => content.StartsWith("%PDF-"u8),
            ".png" => content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            ".jpg" or ".jpeg" => content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            ".docx" => IsOfficePackage(content, "word/document.xml"),
            ".xlsx" => IsOfficePackage(content, "xl/workbook.xml"),
            _ => false,
        };
        return matches ? (type, null) : (null, $"Nội dung tệp '{fileName}' không đúng định dạng {extension.TrimStart('.').ToUpperInvariant()} (tệp bị đổi đuôi hoặc bị hỏng).");
    }

    /// <summary>
    /// The name a file is shown and downloaded under: no folders, no control or formatting characters (NUL, a
    /// right-to-left override that would show "gpj.exe" as "exe.jpg"), Unicode composed (NFC), spaces collapsed. Pure.
    /// </summary>
    public static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Normalize(System.Text.NormalizationForm.FormC);
        var kept = new System.Text.StringBuilder(name.Length);
        foreach (var ch in name)
        {
            var category = char.GetUnicodeCategory(ch);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse) continue;
            kept.Append(char.IsWhiteSpace(ch) ? ' ' : ch);
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
    }

    private static bool IsOfficePackage(ReadOnlySpan<byte> content, string mainPart)
    {
        if (!content.StartsWith("PK\u0003\u0004"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(mainPart) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public static async Task<(ReportOutcome Outcome, string? Error)> AddAsync(EcomPlanDbContext db, AccessScope scope, int reportId,
        string fileName, byte[] content, string actor, TimeProvider clock, CancellationToken ct)
    {
        var (report, error) = await EditableAsync(db, scope, reportId, ct);
        if (report is null) return (ReportOutcome.NotFound, error);
        if (error is not null) return (ReportOutcome.Invalid, error);
        var name = CleanFileName(fileName);
        if (name.Length is 0 or > 200) return (ReportOutcome.Invalid, "Tên tệp trống hoặc dài quá 200 ký tự.");
        var (type, refusal) = Check(name, content);
        if (refusal is not null) return (ReportOutcome.Invalid, refusal);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Uploads to one report take turns (a row lock on the report), so thirty at once cannot pass the limit together.
        await db.Reports.Where(r => r.Id == reportId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Revision, r => r.Revision), ct);
        if (await db.ReportAttachments.CountAsync(a => a.ReportId == reportId, ct) >= MaxFilesPerReport)
            return (ReportOutcome.Invalid, $"Mỗi báo cáo đính kèm tối đa {MaxFilesPerReport} tệp.");
        db.ReportAttachments.Add(new ReportAttachment
        {
            ReportId = reportId, FileName = name, ContentType = type!, Size = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = clock.GetUtcNow(), UploadedBy = actor, Content = content,
        });
        db.AuditProvinceCode = report.ProvinceCode;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (ReportOutcome.Done, null);
    }

    public static async Task<(ReportOutcome Outcome, string? Error)> RemoveAsync(EcomPlanDbContext db, AccessScope scope, int reportId, int attachmentId, CancellationToken ct)
    {
        var (report, error) = await EditableAsync(db, scope, reportId, ct);
        if (report is null) return (ReportOutcome.NotFound, error);
        if (error is not null) return (ReportOutcome.Invalid, error);
        var attachment = await db.ReportAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.ReportId == reportId, ct);
        if (attachment is null) return (ReportOutcome.NotFound, $"Không có tệp đính kèm {attachmentId}.");
        db.ReportAttachments.Remove(attachment);
        db.AuditProvinceCode = report.ProvinceCode;
        await db.SaveChangesAsync(ct);
        return (ReportOutcome.Done, null);
    }

    private static async Task<(Report? Report, string? Error)> EditableAsync(EcomPlanDbContext db, AccessScope scope, int reportId, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !scope.CanWriteReport(report.AgencyId, report.CommuneCode)) return (null, $"Không có báo cáo {reportId} của đơn vị bạn.");
        var (next, refusal) = ReportWorkflow.Apply(report.Status, ReportAction.SaveDraft);
        return (report, next is null ? refusal : null);
    }
}
