using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>How a run of text looks: size in half-points (Word's unit: 28 is 14 pt), bold, italic.</summary>
internal readonly record struct Look(int HalfPoints, bool Bold = false, bool Italic = false)
{
    public static readonly Look Body = new(28);
}

/// <summary>
/// The WordprocessingML pieces <see cref="OfficialDocx"/> is built from. Child elements are given in schema order,
/// which the validator (and Word) insist on.
/// </summary>
internal static class OfficialDocxParts
{
    public const string Font = "Times New Roman";

    /// <summary>Word's default left and right cell margin, in twips.</summary>
    public const int CellMargin = 108;

    /// <summary>Runs of a text: "\n" becomes a line break and a tab a tab stop within the same paragraph.</summary>
    public static IEnumerable<Run> Runs(string? text, Look look)
    {
        var lines = OfficialText.Clean(text).Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var run = new Run(new RunProperties(Format(look)));
            if (l > 0) run.Append(new Break());
            var pieces = lines[l].Split('\t');
            for (var p = 0; p < pieces.Length; p++)
            {
                if (p > 0) run.Append(new TabChar());
                if (pieces[p].Length > 0) run.Append(new Text(pieces[p]) { Space = SpaceProcessingModeValues.Preserve });
            }
            yield return run;
        }
    }

    /// <summary>The run properties of a look, in the order CT_RPr requires (b, bCs, i, iCs, sz, szCs).</summary>
    public static OpenXmlElement[] Format(Look look)
    {
        var elements = new List<OpenXmlElement>();
        if (look.Bold) elements.AddRange([new Bold(), new BoldComplexScript()]);
        if (look.Italic) elements.AddRange([new Italic(), new ItalicComplexScript()]);
        elements.Add(new FontSize { Val = look.HalfPoints.ToString() });
        elements.Add(new FontSizeComplexScript { Val = look.HalfPoints.ToString() });
        return [.. elements];
    }

    /// <summary>A paragraph; spacing in twentieths of a point (120 is 6 pt), indents in twips (567 is 1 cm).</summary>
    public static Paragraph Para(string? text, Look look, JustificationValues align, int before = 0, int after = 0,
        int firstLine = 0, int sideIndent = 0, bool keepNext = false)
    {
        var properties = new ParagraphProperties
        {
            KeepNext = keepNext ? new KeepNext() : null,
            SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() },
            Indentation = firstLine > 0 || sideIndent > 0
                ? new Indentation { Left = sideIndent.ToString(), Right = sideIndent.ToString(), FirstLine = firstLine > 0 ? firstLine.ToString() : null }
                : null,
            Justification = new Justification { Val = align },
            // The mark's size sets the height of an empty paragraph (the blank lines above a signer's name).
            ParagraphMarkRunProperties = new ParagraphMarkRunProperties(Format(look)),
        };
        var paragraph = new Paragraph(properties);
        if (!string.IsNullOrEmpty(text)) paragraph.Append(Runs(text, look));
        return paragraph;
    }

    /// <summary>
    /// The short line under a body's name, the motto and the subject: an empty, 1 pt high paragraph whose bottom border
    /// is <paramref name="length"/> twips long, centered in <paramref name="width"/>.
    /// </summary>
    public static Paragraph Rule(int length, int width, int after = 0) => new(new ParagraphProperties
    {
        ParagraphBorders = new ParagraphBorders { BottomBorder = new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "auto" } },
        // 2 pt above, so that descenders ("g", "y") do not touch the line.
        SpacingBetweenLines = new SpacingBetweenLines { Before = "40", After = after.ToString(), Line = "20", LineRule = LineSpacingRuleValues.Exact },
        Indentation = new Indentation { Left = ((width - length) / 2).ToString(), Right = ((width - length) / 2).ToString() },
        Justification = new Justification { Val = JustificationValues.Center },
        ParagraphMarkRunProperties = new ParagraphMarkRunProperties(Format(new Look(2))),
    });

    /// <summary>
    /// A fixed-layout table of the given column widths (twips): with single borders and Word's usual cell margins, or
    /// borderless and without margins for the header and signature blocks, whose lines need every twip.
    /// </summary>
    public static Table Table(IReadOnlyList<int> widths, bool borders)
    {
        var margin = (short)(borders ? CellMargin : 0);
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            TableBorders = borders ? Borders<TableBorders>(BorderValues.Single) : Borders<TableBorders>(BorderValues.Nil),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            // Spelled out because LibreOffice has no "Table Normal" style to fall back on.
            TableCellMarginDefault = new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = margin, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = margin, Type = TableWidthValues.Dxa }),
            TableLook = new TableLook { Val = "0000", FirstRow = false, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
        };
        return new Table(properties, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
    }

    private static T Borders<T>(BorderValues kind) where T : OpenXmlCompositeElement, new()
    {
        var size = kind == BorderValues.Nil ? 0u : 4u;
        var borders = new T();
        borders.Append(
            new TopBorder { Val = kind, Size = size, Space = 0, Color = "auto" },
            new LeftBorder { Val = kind, Size = size, Space = 0, Color = "auto" },
            new BottomBorder { Val = kind, Size = size, Space = 0, Color = "auto" },
            new RightBorder { Val = kind, Size = size, Space = 0, Color = "auto" },
            new InsideHorizontalBorder { Val = kind, Size = size, Space = 0, Color = "auto" },
            new InsideVerticalBorder { Val = kind, Size = size, Space = 0, Color = "auto" });
        return borders;
    }

    /// <summary>A cell <paramref name="width"/> twips wide spanning <paramref name="span"/> grid columns.</summary>
    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, int span = 1, bool middle = false)
    {
        var cell = new TableCell(new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa },
            GridSpan = span > 1 ? new GridSpan { Val = span } : null,
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = middle ? TableVerticalAlignmentValues.Center : TableVerticalAlignmentValues.Top },
        });
        cell.Append(paragraphs);
        // A cell must end in a paragraph, even an empty one.
        if (cell.Elements<Paragraph>().FirstOrDefault() is null) cell.Append(new Paragraph());
        return cell;
    }

    /// <summary>Times New Roman for every script and 14 pt body text, as document defaults so that nothing escapes them.</summary>
    public static void AddStyles(MainDocumentPart main)
    {
        var runDefaults = new RunPropertiesBaseStyle(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = Look.Body.HalfPoints.ToString() },
            new FontSizeComplexScript { Val = Look.Body.HalfPoints.ToString() },
            new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" });
        var paragraphDefaults = new ParagraphPropertiesBaseStyle(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto });
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
        };
        var tableNormal = new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table, StyleId = "TableNormal", Default = true,
        };
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(runDefaults), new ParagraphPropertiesDefault(paragraphDefaults)),
            normal, tableNormal);
    }

    /// <summary>Word 2013+ layout rules; without them Word opens the file in compatibility mode.</summary>
    public static void AddSettings(MainDocumentPart main) =>
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            // A line ended by a line break inside a justified paragraph keeps its spacing instead of being stretched.
            new Compatibility(new DoNotExpandShiftReturn(), new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }));

    /// <summary>The page number centered at the top (default), and an empty header for a report's first page.</summary>
    public static (string Numbered, string First) AddHeaders(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
            new SimpleField(new Run(new RunProperties(Format(Look.Body)), new Text("2"))) { Instruction = " PAGE " }));
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        return (main.GetIdOfPart(numbered), main.GetIdOfPart(first));
    }

    /// <summary>
    /// A4 with the decree's margins, and the page number centered at the top from page 2 on (the first page's header
    /// is empty, <c>titlePg</c>); or a landscape A4 section (the annexes), numbered on every page.
    /// </summary>
    public static SectionProperties Page((string Numbered, string First) headers, bool landscape)
    {
        var properties = new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = headers.Numbered });
        if (!landscape) properties.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = headers.First });
        properties.Append(
            new SectionType { Val = SectionMarkValues.NextPage },
            landscape
                ? new PageSize { Width = (uint)OfficialDocx.PageHeight, Height = (uint)OfficialDocx.PageWidth, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = (uint)OfficialDocx.PageWidth, Height = (uint)OfficialDocx.PageHeight },
            new PageMargin
            {
                Top = OfficialDocx.MarginTop, Bottom = OfficialDocx.MarginBottom,
                Left = (uint)OfficialDocx.MarginLeft, Right = (uint)OfficialDocx.MarginRight,
                Header = 567u, Footer = 567u, Gutter = 0u,
            },
            new Columns { Space = "720" });
        if (!landscape) properties.Append(new TitlePage());
        properties.Append(new DocGrid { LinePitch = 360 });
        return properties;
    }
}
