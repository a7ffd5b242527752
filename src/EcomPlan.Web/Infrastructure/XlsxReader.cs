using System.Xml;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// Streaming .xlsx reader on ZipArchive and XmlReader: package relationships → workbook (sheet names) → its
/// relationships → shared strings → each worksheet's sheetData. The OpenXml SDK's DOM is not used for reading: it
/// loads whole parts and strings whatever their size, so a 1 MB upload could take gigabytes.
/// </summary>
internal static class XlsxReader
{
    private const int MaxSheetNameLength = 255;

    private const string OfficeDocument = "/officeDocument";
    private const string SharedStrings = "/sharedStrings";

    private sealed record Relationship(string Type, string Target);

    /// <summary>The worksheets in workbook order (chart and dialog sheets are left out); with firstOnly, just the first.</summary>
    public static List<(string Name, List<string[]> Rows)> Read(Stream stream, SpreadsheetLimits limits, bool firstOnly)
    {
        try
        {
            using var package = XlsxPackage.Open(stream, limits);
            var workbook = ReadRelationships(package, "", new HashSet<string>(), OfficeDocument).GetValueOrDefault(OfficeDocument)?.Target ?? "xl/workbook.xml";
            var sheetList = ReadSheetList(package, workbook, limits);
            var relationships = ReadRelationships(package, workbook, sheetList.Select(s => s.Id).ToHashSet(StringComparer.Ordinal), SharedStrings);
            var sheets = sheetList.Where(s => relationships.GetValueOrDefault(s.Id)?.Type.EndsWith("/worksheet", StringComparison.Ordinal) == true)
                .Select(s => (s.Name, Part: relationships[s.Id].Target)).Take(firstOnly ? 1 : int.MaxValue).ToList();
            if (sheets.Count == 0) throw new FormatException("Bảng tính không có trang nào.");

            var reader = new XlsxSheetReader(limits);
            if (relationships.GetValueOrDefault(SharedStrings) is { } shared && package.Contains(shared.Target))
                reader.ReadSharedStrings(package.OpenPart(shared.Target));
            var result = new List<(string Name, List<string[]> Rows)>(sheets.Count);
            for (var i = 0; i < sheets.Count; i++)
            {
                // Messages name the sheet only when there may be several; a name longer than Excel allows is not echoed.
                var label = firstOnly ? null : sheets[i].Name.Length <= 31 ? $"“{sheets[i].Name}”" : $"thứ {i + 1}";
                result.Add((sheets[i].Name, reader.ReadSheet(package.OpenPart(sheets[i].Part), label)));
            }
            return result;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            throw XlsxPackage.Corrupt();
        }
    }

    private static List<(string Name, string Id)> ReadSheetList(XlsxPackage package, string workbook, SpreadsheetLimits limits)
    {
        var sheets = new List<(string Name, string Id)>();
        using var reader = SafeXml.Create(package.OpenPart(workbook));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheets") break;
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet" || reader.Depth != 2) continue;
            var name = reader.GetAttribute("name") ?? "";
            var id = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                ?? reader.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
            if (name.Length > MaxSheetNameLength || id is null) throw XlsxPackage.Corrupt();
            // Each worksheet is a part of its own, so there cannot be more sheets than parts.
            if (sheets.Count >= limits.MaxZipEntries) throw new FormatException($"Tệp .xlsx có hơn {SpreadsheetLimits.N(limits.MaxZipEntries)} trang.");
            sheets.Add((name, id));
        }
        return sheets;
    }

    /// <summary>
    /// The relationships of a part with the given ids, and the first one of the given type under the type's name
    /// (ids cannot hold '/'); nothing else is kept, so a huge list costs no memory. Targets become package paths.
    /// </summary>
    private static Dictionary<string, Relationship> ReadRelationships(XlsxPackage package, string source, HashSet<string> ids, string type)
    {
        var slash = source.LastIndexOf('/') + 1;
        var folder = source[..slash];
        var path = $"{folder}_rels/{source[slash..]}.rels";
        var relationships = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        if (!package.Contains(path)) return relationships;
        using var reader = SafeXml.Create(package.OpenPart(path));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.Depth != 1) continue;
            if (reader.GetAttribute("TargetMode") == "External") continue;
            var (id, kind, target) = (reader.GetAttribute("Id"), reader.GetAttribute("Type"), reader.GetAttribute("Target"));
            if (id is null || kind is null || target is null) continue;
            if (ids.Contains(id)) relationships.TryAdd(id, new Relationship(kind, Resolve(folder, target)));
            if (kind.EndsWith(type, StringComparison.Ordinal)) relationships.TryAdd(type, new Relationship(kind, Resolve(folder, target)));
        }
        return relationships;
    }

    /// <summary>Targets are relative to the source's folder ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").</summary>
    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in ((target.StartsWith('/') ? "" : folder) + target).Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else segments.Add(segment);
        }
        return string.Join('/', segments);
    }
}
