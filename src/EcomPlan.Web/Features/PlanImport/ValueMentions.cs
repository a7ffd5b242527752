using System.Globalization;
using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>A number (or a pair) the phrase requires, with its unit and the cue word just before it.</summary>
/// <param name="Start">Index of the cue word when there is one, else of the number.</param>
/// <param name="NumberStart">Index of the (first) number.</param>
/// <param name="End">Index just after the unit.</param>
/// <param name="First">The number, or the lower end of a pair.</param>
/// <param name="Second">The upper end of a pair ("20 - 25%"), else null.</param>
/// <param name="Unit">Canonical unit ("%", "%/năm", "lượt", "tỷ USD"), null when none follows the number.</param>
/// <param name="Cue">The cue word before the number, lower case ("trên", "không quá", "top"), or null.</param>
public sealed record ValueMention(int Start, int NumberStart, int End, decimal First, decimal? Second, string? Unit, string? Cue)
{
    public bool IsPercent => Unit is not null && Unit.StartsWith('%');
    public bool IsRange => Second is not null;
}

/// <summary>
/// Finds the values a target phrase states, skipping what only looks like one: years, document numbers
/// (39/KH-UBND), dates, versions (CMCN 4.0), model names (B2C, 5G) and footnote marks ([1]).
/// </summary>
public static partial class ValueMentions
{
    /// <summary>Words counted by a target: a number followed by one of them is a count.</summary>
    public static readonly IReadOnlySet<string> CountUnits = new HashSet<string>
    {
        "lượt", "người", "doanh nghiệp", "hộ kinh doanh", "hộ gia đình", "hộ", "hợp tác xã", "sản phẩm", "website", "trang web",
        "xã", "sàn", "gian hàng", "cơ sở", "đơn vị", "tổ chức", "thương nhân", "học viên", "sinh viên", "cán bộ", "chợ",
        "điểm", "lớp", "khóa", "giao dịch", "đơn hàng", "mô hình", "ứng dụng", "trường", "cửa hàng", "siêu thị",
    };

    public static IReadOnlyList<ValueMention> Find(string text)
    {
        var low = text.ToLower(ImportText.VietnameseCulture);
        var found = new List<ValueMention>();
        var at = 0;
        while (at < low.Length)
        {
            var m = Number().Match(low, at);
            if (!m.Success) break;
            var mention = Read(text, low, m);
            if (mention is not null) found.Add(mention);
            at = mention?.End ?? m.Index + m.Length;
        }
        return found;
    }

    private static ValueMention? Read(string text, string low, Match number)
    {
        var first = Parse(number.Groups["n"].Value);
        decimal? second = null;
        var end = number.Index + number.Length;
        var range = RangeTail().Match(low, end);
        if (range.Success && range.Index == end)
        {
            second = Parse(range.Groups["n"].Value);
            end = range.Index + range.Length;
        }
        string? unit = null;
        var u = UnitTail().Match(low, end);
        if (u.Success && u.Index == end)
        {
            unit = CanonicalUnit(text.Substring(u.Groups["u"].Index, u.Groups["u"].Length));
            end = u.Index + u.Length;
        }
        else if (second is null && UnitlessPercent().Match(low, end) is { Success: true } p && p.Index == end)
        {
            // "20 %" written apart is still a percentage.
            unit = "%";
            end = p.Index + p.Length;
        }
        var before = low[..number.Index];
        var cue = CueBefore().Match(before);
        var cueText = cue.Success ? cue.Groups["c"].Value : null;
        var isYear = first is >= 1900 and <= 2100 && first == decimal.Truncate(first) && unit is null;
        if (isYear || FootnoteBefore().IsMatch(before)) return null;
        // A bare number is a value only when a cue says so ("hơn 15.000", "top 10", "đạt 600").
        if (unit is null && cueText is null) return null;
        if (unit is null && second is not null && cueText is "từ" && !IsTargetRange(first, second.Value)) return null;
        return new ValueMention(cue.Success ? cue.Groups["c"].Index : number.Index, number.Index, end, first, second, unit, cueText);
    }

    // "từ 2021 đến 2025" is a period, not a target.
    private static bool IsTargetRange(decimal a, decimal b) => !(a >= 1900 && b >= 1900);

    /// <summary>"1.000.000" (Vietnamese thousands), "60,82" (decimal comma), "70".</summary>
    public static decimal Parse(string number)
    {
        var s = ThousandsGroups().IsMatch(number) ? number.Replace(".", "") : number;
        return decimal.Parse(s.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static string CanonicalUnit(string unit)
    {
        var u = ImportText.Squash(unit).Replace(" / ", "/").Replace(" /", "/").Replace("/ ", "/");
        if (u.StartsWith('%')) return u.Contains("năm", StringComparison.OrdinalIgnoreCase) ? "%/năm" : "%";
        return u;
    }

    private const string NumberPattern = @"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?";

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,/\[])(?<n>" + NumberPattern + @")(?![\p{L}\p{N}]|[.,]\d|/[\p{L}\p{N}]|\])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s*%?\s*(?:-|đến|tới)\s*(?<n>" + NumberPattern + @")(?![\p{L}\p{N}]|[.,]\d|/[\p{L}\p{N}])")]
    private static partial Regex RangeTail();

    [GeneratedRegex(@"\s*(?<u>%\s*/\s*năm|%\s*năm|%|nghìn tỷ đồng|tỷ usd|triệu usd|tỷ đồng|triệu đồng|usd/người/năm|usd|đồng|hạng|"
        + "lượt|người|doanh nghiệp|hộ kinh doanh|hộ gia đình|hộ|hợp tác xã|sản phẩm|website|trang web|xã|sàn|gian hàng|cơ sở|đơn vị|tổ chức|"
        + @"thương nhân|học viên|sinh viên|cán bộ|chợ|điểm|lớp|khóa|giao dịch|đơn hàng|mô hình|ứng dụng|trường|cửa hàng|siêu thị)(?!\p{L})")]
    private static partial Regex UnitTail();

    [GeneratedRegex(@"\s+%")]
    private static partial Regex UnitlessPercent();

    // The cue is the last word(s) before the number; "leftmost match" makes "không quá" win over "quá".
    [GeneratedRegex(@"(?<![\p{L}])(?<c>không vượt quá|không quá|không cao hơn|tối đa|nhiều nhất|xuống còn|còn|không dưới|không thấp hơn|"
        + "không ít hơn|ít nhất|tối thiểu|dưới|ít hơn|thấp hơn|cao hơn|trên|hơn|vượt|khoảng chừng|khoảng|xấp xỉ|gần|trong khoảng|từ|top|"
        + @"thứ|hạng|nhóm|lên|đạt|chiếm|mức|là|bình quân|trung bình|tăng|tăng trưởng|giảm)\s*$")]
    private static partial Regex CueBefore();

    [GeneratedRegex(@"\[\s*$")]
    private static partial Regex FootnoteBefore();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")]
    private static partial Regex ThousandsGroups();
}
