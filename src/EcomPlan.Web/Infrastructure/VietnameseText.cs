using System.Globalization;
using System.Text;

namespace EcomPlan.Web.Infrastructure;

/// <summary>Vietnamese-aware text helpers: search that ignores diacritics and case, vi-VN formatting and ordering.</summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Orders names the way a Vietnamese reader expects ("Đ" after "D", tones after the bare vowel).</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, CompareOptions.IgnoreCase);

    /// <summary>
    /// Folds text for searching: lower case, no tone or vowel marks, đ → d, whitespace collapsed.
    /// "Đồng Tháp" and "dong  thap" fold to the same "dong thap".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>60.82 → "60,82"; whole numbers without decimals; thousands with dots (1.000.000).</summary>
    public static string FormatNumber(decimal value) => value.ToString("#,##0.##", Culture);

    /// <summary>A size limit as people read it: "20 MB", "0,5 MB".</summary>
    public static string Megabytes(long bytes) => FormatNumber(Math.Round(bytes / 1024m / 1024m, 1)) + " MB";

    /// <summary>Vietnam keeps UTC+7 all year (no daylight saving).</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>An instant as read on a clock in Vietnam: dd/MM/yyyy HH:mm.</summary>
    public static string FormatDateTime(DateTimeOffset at) => at.ToOffset(VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>75.5 → "75,5%"; no value → "–".</summary>
    public static string FormatPercent(decimal? value) => value is { } v ? FormatNumber(v) + "%" : "–";

    /// <summary>dd/MM/yyyy, as Vietnamese documents write dates.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
