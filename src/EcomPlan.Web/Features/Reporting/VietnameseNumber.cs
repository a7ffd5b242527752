using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// Numbers as the reports print them: "1.000.000", "60,82", "-3,5" (dot groups thousands, comma before decimals).
/// Only a whole cell counts, so dates ("15/06/2026") and codes ("1.2") stay text.
/// </summary>
internal static partial class VietnameseNumber
{
    // [0-9] rather than \d, which would also take Arabic-Indic and other Unicode digits.
    [GeneratedRegex(@"^-?(?:[0-9]{1,3}(?:\.[0-9]{3})*|[0-9]+)(?:,[0-9]+)?$")]
    private static partial Regex Pattern();

    /// <summary>A number a spreadsheet can hold without losing what the text says.</summary>
    /// <param name="text">The cell as printed.</param>
    /// <param name="invariant">The number in invariant form ("60.82"), for a numeric cell.</param>
    /// <param name="decimals">Digits after the comma, so the cell can show as many.</param>
    /// <param name="grouped">Whether the text groups thousands, so the cell can too.</param>
    public static bool TryParse(string text, out string invariant, out int decimals, out bool grouped)
    {
        invariant = "";
        decimals = 0;
        grouped = false;
        if (!Pattern().IsMatch(text)) return false;
        var digits = text.TrimStart('-');
        // A leading zero ("007") is a code, and past 15 digits a spreadsheet rounds: both would change what is shown.
        if (digits.Length > 1 && digits[0] == '0' && digits[1] != ',') return false;
        if (digits.Count(char.IsAsciiDigit) > 15) return false;
        var comma = text.IndexOf(',');
        decimals = comma < 0 ? 0 : text.Length - comma - 1;
        grouped = text.Contains('.');
        invariant = text.Replace(".", "").Replace(',', '.');
        return true;
    }

    /// <summary>Whether the whole text is a Vietnamese-formatted number.</summary>
    public static bool IsNumber(string text) => TryParse(text, out _, out _, out _);
}
