using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// The numbering that opens a heading or item ("A.", "II.", "2.", "2.2.", "a)", "-", "+") and its depth:
/// smaller is higher. A section runs until a numbering of its own depth or higher.
/// </summary>
public sealed record OutlineMarker(string Text, int Rank)
{
    public const int Letter = 0, Roman = 1, Arabic = 2, LowerLetter = 10, Dash = 11, Plus = 12, Unmarked = 100;

    /// <summary>The code a reader would cite: "II", "2.2", "a".</summary>
    public string Code => Text.TrimEnd('.', ')');
}

public static partial class Outline
{
    /// <summary>The marker opening the text and the text after it; (null, text) when the text opens with none.</summary>
    public static (OutlineMarker? Marker, string Remainder) Split(string text)
    {
        var t = text.TrimStart();
        var m = Marker().Match(t);
        if (!m.Success) return (null, t);
        var code = m.Groups["m"].Value;
        var rank = code switch
        {
            _ when m.Groups["roman"].Success => OutlineMarker.Roman,
            _ when m.Groups["letter"].Success => OutlineMarker.Letter,
            _ when m.Groups["arabic"].Success => OutlineMarker.Arabic + code.TrimEnd('.').Count(c => c == '.'),
            _ when m.Groups["lower"].Success => OutlineMarker.LowerLetter,
            "+" => OutlineMarker.Plus,
            _ => OutlineMarker.Dash,
        };
        return (new OutlineMarker(code, rank), t[m.Length..].TrimStart());
    }

    /// <summary>A table row number alone on its line: "1", " 10", "IV".</summary>
    public static bool IsRowNumber(string cell, out string number, out bool roman)
    {
        var m = RowNumber().Match(cell.Trim());
        number = m.Success ? m.Groups["n"].Value : "";
        roman = m.Success && m.Groups["r"].Success;
        return m.Success;
    }

    [GeneratedRegex(@"^(?<m>(?<roman>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.(?=\s*\p{L}))|(?<letter>[A-EGHĐ]\.(?=\s+\p{Lu}))|(?<arabic>\d{1,2}(?:\.\d{1,2})*\.(?=\s*\p{L})|\d{1,2}(?:\.\d{1,2})+(?=\s+\p{L}))|(?<lower>[a-zđ]\)(?=\s*\S))|[-+•*–](?=\s*\S))\s*")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?<n>(?<r>(?=[IVXL]+\.?$)X{0,3}(?:IX|IV|V?I{0,3}))|\d{1,3})\.?$")]
    private static partial Regex RowNumber();
}
