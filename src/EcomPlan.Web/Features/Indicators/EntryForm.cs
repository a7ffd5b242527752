namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// The checks of the entry form before its rows go through the importer's checks: every number that cannot be
/// read is named at its field (all at once), and an empty form is refused with a message naming the column.
/// </summary>
public static class EntryForm
{
    public sealed record Checked(List<ImportValues.JsonRow> Rows, Dictionary<string, string> FieldErrors, string? Message);

    public const string NothingTyped = "Chưa nhập giá trị nào: hãy nhập ít nhất một số vào cột «Giá trị mới» rồi bấm lại.";

    /// <param name="codes">The indicators the form offers, in the order of its rows.</param>
    /// <param name="typed">What was typed, by indicator code (value and source as typed).</param>
    /// <param name="unit">The unit the form is for.</param>
    /// <param name="period">The period the form is for.</param>
    public static Checked Check(IReadOnlyList<string> codes, IReadOnlyDictionary<string, (string Value, string Source)> typed, string unit, string period)
    {
        var rows = new List<ImportValues.JsonRow>();
        var errors = new Dictionary<string, string>();
        foreach (var code in codes)
        {
            if (!typed.TryGetValue(code, out var t) || string.IsNullOrWhiteSpace(t.Value)) continue;
            var value = ImportValues.ParseNumber(t.Value, invariant: false);
            if (value is null) errors[code] = $"Không đọc được số «{t.Value}»: dùng dấu phẩy cho phần thập phân (ví dụ 40,5) và dấu chấm ngăn cách hàng nghìn (13.256,92).";
            else rows.Add(new ImportValues.JsonRow(code, unit, period, value, null, null, t.Source, null));
        }
        var message = rows.Count == 0 && errors.Count == 0 ? NothingTyped : null;
        return new Checked(rows, errors, message);
    }
}
