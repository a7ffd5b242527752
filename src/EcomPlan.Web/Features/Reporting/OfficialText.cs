using System.Text;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>Text as the Office formats can hold it, whatever a user typed or pasted into a report.</summary>
internal static class OfficialText
{
    /// <summary>
    /// Line ends made "\n"; control characters other than tab and line end, unpaired surrogates and the
    /// non-characters U+FFFE/U+FFFF dropped, since XML 1.0 cannot carry them and the package would not save.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                sb.Append('\n');
            }
            else if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) sb.Append(ch).Append(text[++i]);
            }
            else if (ch is '\t' or '\n' || (ch >= ' ' && ch != '\u007F' && !char.IsLowSurrogate(ch) && ch is not ('\uFFFE' or '\uFFFF')))
                sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>One line: line ends and tabs become spaces (sheet names, titles).</summary>
    public static string OneLine(string? text) => Clean(text).Replace('\n', ' ').Replace('\t', ' ').Trim();
}
