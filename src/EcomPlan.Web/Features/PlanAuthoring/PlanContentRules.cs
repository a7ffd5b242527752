using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// A problem of a plan's content. <see cref="Item"/> is the content object it concerns (a target, a task, a group;
/// null for the plan's own fields), so an import can name the sheet and row it read that item from.
/// </summary>
public sealed record ContentProblem(object? Item, string Field, string Message, bool CanCreate = false);

/// <summary>What the rules need to know beyond the content: the catalogue and the agencies that exist.</summary>
public sealed record ContentContext(
    PlanLevel Level, string? ProvinceCode, IReadOnlyDictionary<string, string> IndicatorDirections, IReadOnlySet<string> KnownAgencies, bool CreateAgencies);

/// <summary>
/// Every problem of a whole plan's content, checked before anything is written (imports are all-or-nothing). The
/// same target rules as the forms. Pure.
/// </summary>
public static class PlanContentRules
{
    public static List<ContentProblem> Check(PlanContent content, ContentContext context)
    {
        var problems = new List<ContentProblem>();
        void Add(object? item, string field, string message, bool canCreate = false) => problems.Add(new ContentProblem(item, field, message, canCreate));
        var h = content.Header;
        if (string.IsNullOrWhiteSpace(h.Title)) Add(null, "title", "Thiếu tên kế hoạch.");
        else if (h.Title.Length > 500) Add(null, "title", "Tên kế hoạch dài quá 500 ký tự.");
        if (string.IsNullOrWhiteSpace(h.IssuingBody)) Add(null, "issuingBody", "Thiếu cơ quan ban hành.");
        // The columns' lengths: over them, PostgreSQL refuses the whole write with a server error instead of a message.
        else if (h.IssuingBody.Length > 200) Add(null, "issuingBody", "Cơ quan ban hành dài quá 200 ký tự.");
        if (h.SourceNote is { Length: > 500 }) Add(null, "sourceNote", "Ghi chú nguồn dài quá 500 ký tự.");
        if (h.PeriodStart is < 2000 or > 2100 || h.PeriodEnd < h.PeriodStart || h.PeriodEnd - h.PeriodStart > 10)
            Add(null, "periodEnd", $"Giai đoạn {h.PeriodStart}–{h.PeriodEnd} không hợp lệ (năm từ 2000 đến 2100, tối đa 10 năm).");
        if (h.Level != context.Level || h.ProvinceCode != context.ProvinceCode)
            Add(null, "provinceCode", "Tệp là kế hoạch của một cấp hoặc một tỉnh khác với kế hoạch đang nhập vào.");
        if (h.SourceKind == PlanSourceKind.Provisional && string.IsNullOrWhiteSpace(h.SourceNote))
            Add(null, "sourceNote", "Nguồn tạm: ghi rõ là nguồn gì (bài báo, dự thảo, ngày).");
        if (h.DocumentNumber is { Length: > 64 }) Add(null, "documentNumber", "Số văn bản dài quá 64 ký tự.");

        var keys = new HashSet<string>();
        foreach (var g in Duplicates(content.TargetGroups, g => g.Code)) Add(g, "code", $"Nhóm chỉ tiêu '{g.Code}' bị trùng.");
        foreach (var g in content.TargetGroups)
        {
            if (string.IsNullOrWhiteSpace(g.Code) || g.Code.Length > 32) Add(g, "code", "Số hiệu nhóm chỉ tiêu trống hoặc dài quá 32 ký tự.");
            if (string.IsNullOrWhiteSpace(g.Title)) Add(g, "title", $"Nhóm chỉ tiêu '{g.Code}' chưa có tên.");
            foreach (var t in g.Targets)
            {
                if (string.IsNullOrWhiteSpace(t.Key) || t.Key.Length > 32) Add(t, "key", "Mã chỉ tiêu trống hoặc dài quá 32 ký tự.");
                else if (!keys.Add(t.Key.Trim())) Add(t, "key", $"Mã chỉ tiêu '{t.Key}' bị trùng trong kế hoạch.");
                if (string.IsNullOrWhiteSpace(t.Text)) Add(t, "text", "Thiếu nội dung chỉ tiêu.");
                else if (t.Text.Length > 2000) Add(t, "text", "Nội dung chỉ tiêu dài quá 2.000 ký tự.");
                if (t.Unit is { Length: > 64 }) Add(t, "unit", "Đơn vị dài quá 64 ký tự.");
                if (t.Source.Length > 200 || t.References?.Any(r => r.Source.Length > 200) == true) Add(t, "source", "Nguồn dài quá 200 ký tự.");
                string? direction = null;
                if (!string.IsNullOrWhiteSpace(t.Indicator) && !context.IndicatorDirections.TryGetValue(t.Indicator.Trim(), out direction))
                    Add(t, "indicator", $"Chỉ số '{t.Indicator}' chưa có trong danh mục: chọn chỉ số có sẵn, hoặc đề xuất chỉ số mới với Bộ Công Thương.", canCreate: true);
                foreach (var p in TargetRules.Check(t.Kind, t.Value, t.Min, t.Max, t.Tolerance, t.Unit, t.Indicator, direction, t.DeadlineYear, h.PeriodStart, h.PeriodEnd, t.Of))
                    Add(t, p.Field, p.Message);
                CheckAgencies(t, "monitoringAgencies", t.MonitoringAgencies, context, Add);
            }
        }

        foreach (var g in Duplicates(content.TaskGroups, g => g.Code)) Add(g, "code", $"Nhóm nhiệm vụ '{g.Code}' bị trùng.");
        foreach (var g in content.TaskGroups)
        {
            if (string.IsNullOrWhiteSpace(g.Code) || g.Code.Length > 32) Add(g, "code", "Số hiệu nhóm nhiệm vụ trống hoặc dài quá 32 ký tự.");
            if (string.IsNullOrWhiteSpace(g.Title)) Add(g, "title", $"Nhóm nhiệm vụ '{g.Code}' chưa có tên.");
            if (g.Source is { Length: > 200 }) Add(g, "source", "Nguồn của nhóm nhiệm vụ dài quá 200 ký tự.");
            foreach (var t in g.Tasks)
            {
                if (string.IsNullOrWhiteSpace(t.Text)) Add(t, "text", "Thiếu nội dung nhiệm vụ.");
                else if (t.Text.Trim('.', '…', ' ').Length == 0) Add(t, "text", "Nội dung chỉ là dấu chấm lửng (dòng giữ chỗ của dự thảo), không phải một nhiệm vụ.");
                else if (t.Text.Length > 4000) Add(t, "text", "Nội dung nhiệm vụ dài quá 4.000 ký tự.");
                if (t.Number is { Length: > 16 }) Add(t, "number", "Số thứ tự dài quá 16 ký tự.");
                if (t.Timeframe is { Length: > 100 }) Add(t, "timeframe", "Thời gian thực hiện dài quá 100 ký tự.");
                if (t.Source.Length > 200) Add(t, "source", "Nguồn dài quá 200 ký tự.");
                foreach (var (field, year) in new[] { ("startYear", t.StartYear), ("endYear", t.EndYear) })
                    if (year is { } y && (y < h.PeriodStart - 1 || y > h.PeriodEnd + 5)) Add(t, field, $"Năm {y} nằm ngoài kỳ kế hoạch {h.PeriodStart}–{h.PeriodEnd}.");
                if (t.StartYear > t.EndYear) Add(t, "endYear", $"Năm kết thúc {t.EndYear} trước năm bắt đầu {t.StartYear}.");
                CheckAgencies(t, "lead", t.Lead, context, Add);
                CheckAgencies(t, "coordinating", t.Coordinating, context, Add);
            }
        }
        return problems;
    }

    private static void CheckAgencies(object item, string field, IReadOnlyList<string> names, ContentContext context, Action<object?, string, string, bool> add)
    {
        foreach (var name in names.GroupBy(n => VietnameseText.Fold(n)).Where(g => g.Count() > 1).Select(g => g.First()))
            add(item, field, $"Cơ quan '{name}' được ghi hai lần.", false);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 300) add(item, field, "Tên cơ quan trống hoặc dài quá 300 ký tự.", false);
            else if (!context.CreateAgencies && !context.KnownAgencies.Contains(VietnameseText.Fold(name)))
                add(item, field, $"Cơ quan '{name}' chưa có trong danh sách cơ quan của tỉnh: sửa tên cho đúng, hoặc chọn tạo các cơ quan mới khi nhập.", true);
        }
    }

    private static IEnumerable<T> Duplicates<T>(IEnumerable<T> items, Func<T, string> key) =>
        items.GroupBy(i => key(i).Trim()).Where(g => g.Count() > 1).Select(g => g.Skip(1).First());
}
