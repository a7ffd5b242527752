using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using CellAlignment = DocumentFormat.OpenXml.Spreadsheet.Alignment;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>The cell formats of <see cref="OfficialXlsx"/>, by their index in the stylesheet's cellXfs.</summary>
internal static class OfficialXlsxStyle
{
    public const uint Title = 1, Header = 2, Text = 3, Group = 4, General = 5, Grouped = 6;

    // Numbers keep the decimals they were printed with: "60,82" shows two. Formats for 1..MaxDecimals follow Grouped.
    public const int MaxDecimals = 6;
    private const uint FirstCustomFormat = 164;

    /// <summary>The format of a number cell printed with <paramref name="decimals"/> decimals.</summary>
    public static uint Number(int decimals, bool grouped) =>
        decimals == 0 ? grouped ? Grouped : General
        : decimals <= MaxDecimals ? Grouped + (uint)decimals
        : General;

    public static Stylesheet Stylesheet()
    {
        var formats = new NumberingFormats(Enumerable.Range(1, MaxDecimals).Select(d =>
            new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)d - 1, FormatCode = "#,##0." + new string('0', d) }));
        formats.Count = (uint)MaxDecimals;
        var fonts = new Fonts(Font(12, bold: false), Font(12, bold: true), Font(14, bold: true)) { Count = 3 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder())) { Count = 2 };
        var cellFormats = new CellFormats(
            Format(0, 0, false, null),
            Format(0, 2, false, new CellAlignment { Vertical = VerticalAlignmentValues.Center }),
            Format(0, 1, true, new CellAlignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }),
            Format(0, 0, true, new CellAlignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }),
            Format(0, 1, true, new CellAlignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }),
            Format(0, 0, true, new CellAlignment { Vertical = VerticalAlignmentValues.Top }),
            Format(3, 0, true, new CellAlignment { Vertical = VerticalAlignmentValues.Top }));
        for (var d = 1; d <= MaxDecimals; d++)
            cellFormats.Append(Format(FirstCustomFormat + (uint)d - 1, 0, true, new CellAlignment { Vertical = VerticalAlignmentValues.Top }));
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            formats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(int points, bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = points }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static CellFormat Format(uint numberFormat, uint font, bool border, CellAlignment? alignment)
    {
        var format = new CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = border ? 1u : 0u, FormatId = 0 };
        if (numberFormat != 0) format.ApplyNumberFormat = true;
        if (font != 0) format.ApplyFont = true;
        if (border) format.ApplyBorder = true;
        if (alignment is not null) format.ApplyAlignment = true;
        if (alignment is not null) format.Append(alignment);
        return format;
    }
}
