using static EcomPlan.Web.Features.PlanAuthoring.PlanWorkbook;

namespace EcomPlan.Web.Features.PlanAuthoring;

/// <summary>
/// What reading a workbook gave: the content, the problems of the file itself, the kinds its agencies sheet gives new
/// agencies, and where each item was read, so that the problems the content rules find later point at a sheet, a
/// row and a column too.
/// </summary>
public sealed class WorkbookRead
{
    public PlanContent? Content { get; internal set; }

    /// <summary>Problems of the file itself: unreadable, missing sheets or columns, bad numbers, dates, years, kinds.</summary>
    public List<WorkbookProblem> Problems { get; } = [];

    /// <summary>Kind of each agency the agencies sheet lists, by folded name: what an agency created by the import becomes.</summary>
    public Dictionary<string, string> AgencyKinds { get; } = [];

    // Records compare by value: two identical rows are still two items, so items are told apart by reference.
    private readonly Dictionary<object, int> rows = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> planRows = [];
    private readonly HashSet<(string Sheet, int Row, string Column)> quiet = [];

    internal void Add(string sheet, int row, string column, string message) => Problems.Add(new WorkbookProblem(sheet, row, column, message));

    internal void Place(object item, int row) => rows.TryAdd(item, row);

    internal void PlacePlanField(string field, int row) => planRows.TryAdd(field, row);

    /// <summary>A cell whose value could not be read: what the rules say about its missing value would only repeat it.</summary>
    internal void Quiet(string sheet, int row, string column) => quiet.Add((sheet, row, column));

    /// <summary>
    /// The file's problems followed by the content rules' problems, placed where their items were read; a cell the
    /// file's problems already name (or left unread) is not reported again.
    /// </summary>
    public List<WorkbookProblem> With(IEnumerable<ContentProblem> problems)
    {
        var all = new List<WorkbookProblem>(Problems);
        var seen = Problems.Select(p => (p.Sheet, p.Row, p.Column)).Concat(quiet).ToHashSet();
        foreach (var problem in problems)
        {
            var located = Locate(problem);
            if (located.Row > 0 && seen.Contains((located.Sheet, located.Row, located.Column)) && !problem.CanCreate) continue;
            if (!all.Contains(located)) all.Add(located);
        }
        return all;
    }

    public WorkbookProblem Locate(ContentProblem problem)
    {
        var message = problem.Message;
        // The import page's option has a name of its own: the message says which box to tick.
        if (problem.CanCreate && problem.Field is "monitoringAgencies" or "lead" or "coordinating")
            message = message.Replace("hoặc chọn tạo các cơ quan mới khi nhập.", "hoặc chọn 'Tạo các cơ quan chưa có' khi nhập.", StringComparison.Ordinal);
        var row = problem.Item is null ? 0 : rows.GetValueOrDefault(problem.Item);
        return problem.Item switch
        {
            TargetGroupContent => new(TargetSheet, row, GroupColumn(TargetColumns, problem.Field), message),
            TaskGroupContent => new(TaskSheet, row, GroupColumn(TaskColumns, problem.Field), message),
            TargetContent => new(TargetSheet, row, ColumnOf(TargetColumns, problem.Field), message),
            TaskContent => new(TaskSheet, row, ColumnOf(TaskColumns, problem.Field), message),
            // Blockers name stored items the file no longer holds: there is no row to point at.
            null when problem.Field == "content" => new(message.StartsWith("Chỉ tiêu", StringComparison.Ordinal) ? TargetSheet : TaskSheet, 0, "", message),
            _ => PlanProblem(problem.Field, message),
        };
    }

    private WorkbookProblem PlanProblem(string field, string message)
    {
        // The period is one rule over two rows: it is reported on the row of its end year.
        var label = PlanFields.FirstOrDefault(f => f.Field == field).Label;
        return label is null
            ? new(PlanSheet, 0, "", message)
            : new(PlanSheet, planRows.GetValueOrDefault(field), PlanColumns[1].Header, message);
    }

    private static string GroupColumn(IReadOnlyList<WorkbookColumn> columns, string field) =>
        HeaderOf(columns, field switch { "title" => "groupTitle", "source" => "groupSource", _ => "group" });

    private static string ColumnOf(IReadOnlyList<WorkbookColumn> columns, string field) =>
        columns.FirstOrDefault(c => c.Field == field)?.Header ?? "";
}
