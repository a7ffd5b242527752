using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.PlanAuthoring.Pages;

/// <summary>What the target form posts, as typed, so a refused form shows exactly what was entered.</summary>
public sealed class TargetForm
{
    public string? Group { get; set; }
    public string? Key { get; set; }
    public string? Text { get; set; }
    public string? Indicator { get; set; }
    public string? Kind { get; set; }
    public string? Value { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public bool Exclusive { get; set; }
    public string? Tolerance { get; set; }
    public string? Unit { get; set; }
    public string? Of { get; set; }
    public string? DeadlineYear { get; set; }
    public int? Revision { get; set; }

    public static TargetForm From(TargetDto t) => new()
    {
        Group = t.Group, Key = t.Key, Text = t.Text, Indicator = t.Indicator, Kind = t.Kind.ToString(), Value = FormValues.Show(t.Value),
        Min = FormValues.Show(t.Min), Max = FormValues.Show(t.Max), Exclusive = t.Exclusive, Tolerance = FormValues.Show(t.Tolerance), Unit = t.Unit,
        Of = t.Of, DeadlineYear = t.DeadlineYear?.ToString(System.Globalization.CultureInfo.InvariantCulture), Revision = t.Revision,
    };

    public (TargetRequest Request, Dictionary<string, string[]> Errors) ToRequest(IReadOnlyList<int> monitors)
    {
        var errors = new Dictionary<string, string[]>();
        TargetKind? kind = Enum.TryParse<TargetKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        return (new TargetRequest(Group, Key, Text, Indicator, kind,
            FormValues.Number(Value, "value", "Giá trị", errors), FormValues.Number(Min, "min", "Giá trị thấp nhất", errors),
            FormValues.Number(Max, "max", "Giá trị cao nhất", errors), Exclusive, FormValues.Number(Tolerance, "tolerance", "Sai số", errors),
            Unit, Of, FormValues.Year(DeadlineYear, "deadlineYear", "Thời hạn", errors), monitors, Revision), errors);
    }
}

/// <summary>What the task form posts, as typed.</summary>
public sealed class TaskForm
{
    public string? Group { get; set; }
    public string? Number { get; set; }
    public string? Text { get; set; }
    public string? StartYear { get; set; }
    public string? EndYear { get; set; }
    public string? Timeframe { get; set; }
    public int? Revision { get; set; }

    public (TaskRequest Request, Dictionary<string, string[]> Errors) ToRequest(IReadOnlyList<int> lead, IReadOnlyList<int> coordinating)
    {
        var errors = new Dictionary<string, string[]>();
        return (new TaskRequest(Group, Number, Text, lead, coordinating, FormValues.Year(StartYear, "startYear", "Năm bắt đầu", errors),
            FormValues.Year(EndYear, "endYear", "Năm kết thúc", errors), Timeframe, Revision), errors);
    }
}
