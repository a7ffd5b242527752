using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EcomPlan.Web.Features.Seeding;

/// <summary>A plan file that cannot be loaded: which file, which line, what is wrong.</summary>
public sealed class PlanFileException(string file, int line, string problem)
    : Exception($"Tệp dữ liệu kế hoạch '{file}', dòng {line}: {problem}")
{
    public string File { get; } = file;
    public int LineNumber { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>
/// Typed, line-aware access to one YAML mapping. Every failure names the line, so a reviewer can jump
/// straight to the mistake in the data file.
/// </summary>
internal sealed class YamlFields(string file, YamlMappingNode map)
{
    public int Line => (int)map.Start.Line;

    public PlanFileException Error(string problem, YamlNode? at = null) =>
        new(file, (int)(at ?? map).Start.Line, problem);

    public PlanFileException ErrorAt(int line, string problem) => new(file, line, problem);

    /// <summary>An error located on one field's line (the mapping's line when the field is absent).</summary>
    public PlanFileException ErrorAt(string key, string problem) => new(file, LineOf(key), problem);

    public int LineOf(string key) => Node(key) is { } n ? (int)n.Start.Line : Line;

    public void RejectUnknown(params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!allowed.Contains(name))
                throw Error($"trường '{name}' không được hỗ trợ (các trường hợp lệ: {string.Join(", ", allowed)})", key);
        }
    }

    private YamlNode? Node(string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;

    private static bool IsNull(YamlNode? n) =>
        n is null || n is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "null" or "~" };

    public string? OptString(string key)
    {
        var n = Node(key);
        if (IsNull(n)) return null;
        if (n is not YamlScalarNode s) throw Error($"trường '{key}' phải là một giá trị đơn (chuỗi)", n);
        return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value.Trim();
    }

    public string ReqString(string key) =>
        OptString(key) ?? throw Error($"thiếu trường bắt buộc '{key}'", Node(key));

    public int? OptInt(string key)
    {
        var raw = OptString(key);
        if (raw is null) return null;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"trường '{key}' phải là số nguyên, nhận được '{raw}'", Node(key));
    }

    public int ReqInt(string key) => OptInt(key) ?? throw Error($"thiếu trường bắt buộc '{key}'", Node(key));

    public decimal? OptDecimal(string key)
    {
        var raw = OptString(key);
        if (raw is null) return null;
        return decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"trường '{key}' phải là số (dấu chấm thập phân), nhận được '{raw}'", Node(key));
    }

    public bool OptBool(string key, bool fallback)
    {
        var raw = OptString(key);
        return raw switch
        {
            null => fallback,
            "true" => true,
            "false" => false,
            _ => throw Error($"trường '{key}' phải là true hoặc false, nhận được '{raw}'", Node(key)),
        };
    }

    public DateOnly? OptDate(string key)
    {
        var raw = OptString(key);
        if (raw is null) return null;
        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error($"trường '{key}' phải là ngày dạng yyyy-MM-dd, nhận được '{raw}'", Node(key));
    }

    public T ReqEnum<T>(string key, IReadOnlyDictionary<string, T> values)
    {
        var raw = ReqString(key);
        return values.TryGetValue(raw, out var v)
            ? v
            : throw Error($"giá trị '{raw}' của trường '{key}' không hợp lệ (hợp lệ: {string.Join(", ", values.Keys)})", Node(key));
    }

    public IReadOnlyList<YamlFields> Mappings(string key)
    {
        var n = Node(key);
        if (IsNull(n)) return [];
        if (n is not YamlSequenceNode seq) throw Error($"trường '{key}' phải là một danh sách", n);
        return seq.Children.Select(c => c is YamlMappingNode m
            ? new YamlFields(file, m)
            : throw new PlanFileException(file, (int)c.Start.Line, $"mỗi phần tử của '{key}' phải là một bảng khóa–giá trị")).ToList();
    }

    public YamlFields? OptMapping(string key)
    {
        var n = Node(key);
        if (IsNull(n)) return null;
        return n is YamlMappingNode m ? new YamlFields(file, m) : throw Error($"trường '{key}' phải là một bảng khóa–giá trị", n);
    }

    /// <summary>A list of strings with the line of each entry.</summary>
    public IReadOnlyList<(string Value, int Line)> Strings(string key)
    {
        var n = Node(key);
        if (IsNull(n)) return [];
        if (n is not YamlSequenceNode seq) throw Error($"trường '{key}' phải là một danh sách", n);
        return seq.Children.Select(c => c is YamlScalarNode { Value: { Length: > 0 } v }
            ? (v.Trim(), (int)c.Start.Line)
            : throw new PlanFileException(file, (int)c.Start.Line, $"mỗi phần tử của '{key}' phải là một chuỗi không rỗng")).ToList();
    }
}
