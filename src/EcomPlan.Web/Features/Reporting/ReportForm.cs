using System.Globalization;
using System.Text.RegularExpressions;

namespace EcomPlan.Web.Features.Reporting;

/// <summary>One task's line of the report form exactly as typed (kept and shown again when anything is refused).</summary>
public sealed record TaskLineInput(int TaskId, string State, string Percent, string? Results, string? Difficulties);

/// <summary>The report form exactly as typed.</summary>
public sealed record ReportFormInput(int Revision, string? Summary, string? Difficulties, string? Proposals, IReadOnlyList<TaskLineInput> Tasks);

/// <summary>
/// Pure decisions of the report form: reading what was typed (Vietnamese numbers "40,5", "40 %"), naming a task in a
/// message, and the field keys shared by the page and the API ("tasks[3].percent").
/// </summary>
public static partial class ReportForm
{
    [GeneratedRegex(@"^-?[0-9]{1,6}(?:[.,][0-9]{1,4})?$")]
    private static partial Regex PercentPattern();

    /// <summary>
    /// A completion rate as typed: "40", "40,5", "40.5", "40 %". The report keeps whole percents, so a decimal is
    /// rounded (half away from zero); the caller tells the user. Null with a Vietnamese reason otherwise.
    /// </summary>
    public static (int? Percent, bool Rounded, string? Error) ParsePercent(string? text)
    {
        var raw = (text ?? "").Trim().TrimEnd('%').Trim().Replace("\u00A0", "");
        if (raw.Length == 0) return (null, false, "chưa nhập tỷ lệ hoàn thành (số từ 0 đến 100).");
        if (!PercentPattern().IsMatch(raw))
            return (null, false, $"tỷ lệ hoàn thành '{text!.Trim()}' không phải là số (ví dụ 40 hoặc 40,5).");
        var value = decimal.Parse(raw.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value is < 0 or > 100) return (null, false, $"tỷ lệ hoàn thành {Infrastructure.VietnameseText.FormatNumber(value)}% phải từ 0 đến 100.");
        var whole = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        return (whole, whole != value, null);
    }

    /// <summary>"Nhiệm vụ I.3 «Tổ chức tập huấn…»": how a message names a task, so the reporter finds the row.</summary>
    public static string TaskName(string? groupCode, string? number, string text)
    {
        var code = string.Join(".", new[] { groupCode, number }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var shortText = text.Length <= 60 ? text : text[..57].TrimEnd() + "…";
        return code.Length == 0 ? $"Nhiệm vụ «{shortText}»" : $"Nhiệm vụ {code} «{shortText}»";
    }

    /// <summary>The field key of line <paramref name="index"/> (as the API's JSON names it).</summary>
    public static string Key(int index, string field) => $"tasks[{index}].{field}";

    /// <summary>
    /// Reads the typed form into an edit. Every line is kept (an unreadable percent becomes 0 in the edit but its error
    /// wins over any later check of that field); every problem is returned at once, keyed by field.
    /// </summary>
    public static (ReportEdit Edit, Dictionary<string, string> Errors, List<string> Notes) Parse(ReportFormInput input, IReadOnlyDictionary<int, string> taskNames)
    {
        var errors = new Dictionary<string, string>();
        var notes = new List<string>();
        var lines = new List<TaskProgressEdit>();
        for (var k = 0; k < input.Tasks.Count; k++)
        {
            var line = input.Tasks[k];
            var name = taskNames.TryGetValue(line.TaskId, out var n) ? n : $"Nhiệm vụ dòng {k + 1}";
            if (!Enum.TryParse<TaskState>(line.State, out var state) || !Enum.IsDefined(state))
            {
                errors[Key(k, "state")] = $"{name}: chọn tình trạng nhiệm vụ.";
                state = TaskState.InProgress;
            }
            var (percent, rounded, error) = ParsePercent(line.Percent);
            if (error is not null) errors[Key(k, "percent")] = $"{name}: {error}";
            else if (rounded) notes.Add($"{name}: tỷ lệ hoàn thành {line.Percent.Trim()} được ghi tròn thành {percent}%.");
            lines.Add(new TaskProgressEdit(line.TaskId, state, percent ?? 0, line.Results, line.Difficulties));
        }
        return (new ReportEdit(input.Revision, input.Summary, input.Difficulties, input.Proposals, lines), errors, notes);
    }

    /// <summary>Parse errors first (they say what was typed), then every other problem of the edit not already said of that field.</summary>
    public static Dictionary<string, string> Merge(Dictionary<string, string> first, Dictionary<string, string> then)
    {
        var all = new Dictionary<string, string>(first);
        foreach (var (key, message) in then) all.TryAdd(key, message);
        return all;
    }
}
