using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// Vietnamese words for the framework's English reasons for refusing a request (JSON that does not fit, a parameter
/// that does not parse). The caller's input is named by its path, never copied back at length.
/// </summary>
public static partial class RequestErrors
{
    public static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json) return Describe(json);
        var message = bad.Message;
        if (BindFailure().Match(message) is { Success: true } bind)
            return $"Tham số '{bind.Groups["name"].Value}' không hợp lệ: '{Shorten(bind.Groups["value"].Value)}'{EnumHint(bind.Groups["type"].Value)}.";
        if (MissingParameter().Match(message) is { Success: true } missing)
            return $"Thiếu tham số '{missing.Groups["name"].Value}'.";
        if (message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) || message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
            return "Thiếu nội dung JSON của yêu cầu.";
        if (message.Contains("form", StringComparison.OrdinalIgnoreCase))
            return "Biểu mẫu gửi lên không đọc được (multipart/form-data hỏng hoặc thiếu).";
        return "Yêu cầu không đúng định dạng.";
    }

    public static string Describe(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var message = json.Message;
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
            return $"Trường '{unmapped.Groups["name"].Value}' không thuộc yêu cầu này (tại '{path}'); kiểm tra lại tên trường.";
        if (ConvertFailure().Match(message) is { Success: true } convert)
            return $"Giá trị tại '{path}' không đúng kiểu{EnumHint(convert.Groups["type"].Value, path)}.";
        return $"Nội dung JSON không hợp lệ tại '{path}'" + (json.LineNumber is { } line ? $" (dòng {line + 1})." : ".");
    }

    /// <summary>
    /// "; cho phép: six_monthly, yearly, ad_hoc" when the value expected is one of this application's enums. The
    /// serializer names the object being read; the path's last name is its property that failed.
    /// </summary>
    private static string EnumHint(string typeName, string? path = null)
    {
        var name = NullableOf().Match(typeName) is { Success: true } m ? m.Groups["inner"].Value : typeName.Trim();
        var type = typeof(RequestErrors).Assembly.GetType(name);
        if (type is { IsEnum: false } && path is not null && LastName().Match(path) is { Success: true } last)
        {
            var property = type.GetProperty(last.Groups["name"].Value,
                System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }
        return type is { IsEnum: true } ? "; cho phép: " + RequestValidation.AllowedNames(type) : "";
    }

    [GeneratedRegex("\\.(?<name>\\w+)(\\[\\d+\\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LastName();

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("could not be converted to (?<type>[^.\\s][^ ]*?)\\.( Path|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertFailure();

    [GeneratedRegex("Nullable`1\\[(?<inner>[^\\]]+)\\]", RegexOptions.CultureInvariant)]
    private static partial Regex NullableOf();

    [GeneratedRegex("Failed to bind parameter \"(?<type>\\S+) (?<name>\\w+)\" from \"(?<value>.*)\"", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("Required parameter \"\\S+ (?<name>\\w+)\" was not provided", RegexOptions.CultureInvariant)]
    private static partial Regex MissingParameter();
}
