using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

public class ReportFormTests
{
    [Theory]
    [InlineData("40", 40, false)]
    [InlineData(" 40 % ", 40, false)]
    [InlineData("40,5", 41, true)]
    [InlineData("40.4", 40, true)]
    [InlineData("0", 0, false)]
    [InlineData("100", 100, false)]
    [InlineData("99,5%", 100, true)]
    public void Vietnamese_and_plain_percents_are_read_and_decimals_rounded(string typed, int expected, bool rounded)
    {
        var (percent, wasRounded, error) = ReportForm.ParsePercent(typed);
        Assert.Equal((expected, rounded, (string?)null), (percent, wasRounded, error));
    }

    [Theory]
    [InlineData("abc", "không phải là số")]
    [InlineData("4O", "không phải là số")]
    [InlineData("1.000,5", "không phải là số")]
    [InlineData("120", "120% phải từ 0 đến 100")]
    [InlineData("100,5", "100,5% phải từ 0 đến 100")]
    [InlineData("-1", "phải từ 0 đến 100")]
    [InlineData("", "chưa nhập")]
    public void Anything_else_is_refused_with_a_reason(string typed, string reason)
    {
        var (percent, _, error) = ReportForm.ParsePercent(typed);
        Assert.Null(percent);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_task_is_named_by_its_group_number_and_the_start_of_its_text()
    {
        Assert.Equal("Nhiệm vụ I.3 «Tập huấn kỹ năng»", ReportForm.TaskName("I", "3", "Tập huấn kỹ năng"));
        Assert.Equal("Nhiệm vụ «Tập huấn»", ReportForm.TaskName(null, " ", "Tập huấn"));
        var longName = ReportForm.TaskName("II", "1", new string('a', 100));
        Assert.EndsWith("…»", longName);
        Assert.True(longName.Length < 80);
    }

    private static readonly Dictionary<int, string> Names = new() { [10] = "Nhiệm vụ I.1 «Tập huấn»", [11] = "Nhiệm vụ I.2 «Hội chợ»", [12] = "Nhiệm vụ II.1 «Sàn»" };

    [Fact]
    public void Every_problem_of_every_line_is_reported_at_once_naming_the_task_and_every_line_is_kept()
    {
        var input = new ReportFormInput(3, "Tóm tắt", null, null,
        [
            new(10, "InProgress", "40,5", "Đã làm", null),
            new(11, "InProgress", "abc", "Kết quả hội chợ", "Thiếu kinh phí"),
            new(12, "Done", "60", null, null),
        ]);
        var (edit, parseErrors, notes) = ReportForm.Parse(input, Names);
        Assert.Equal([10, 11, 12], edit.Tasks.Select(t => t.TaskId));
        Assert.Equal(41, edit.Tasks[0].Percent);
        Assert.Equal("Kết quả hội chợ", edit.Tasks[1].Results);
        Assert.Equal(["tasks[1].percent"], parseErrors.Keys);
        Assert.Contains("Nhiệm vụ I.2 «Hội chợ»", parseErrors["tasks[1].percent"]);
        Assert.Contains("'abc'", parseErrors["tasks[1].percent"]);
        Assert.Contains(notes, n => n.Contains("I.1") && n.Contains("41%"));

        var all = ReportForm.Merge(parseErrors, EditReport.Validate(edit, Names, submitting: true));
        Assert.Equal(["tasks[1].percent", "tasks[2].percent"], all.Keys.Order());
        Assert.Contains("'abc'", all["tasks[1].percent"]); // the parse error wins over a check of the placeholder
        Assert.Contains("Nhiệm vụ II.1 «Sàn»", all["tasks[2].percent"]);
        Assert.Contains("100%", all["tasks[2].percent"]);
    }

    [Fact]
    public void The_API_edit_is_checked_line_by_line_with_field_paths()
    {
        var edit = new ReportEdit(1, " ", null, null,
        [
            new(10, TaskState.InProgress, 140, null, null),
            new(99, TaskState.InProgress, 10, null, null),
            new(10, TaskState.InProgress, 10, null, null),
            new(11, TaskState.NotStarted, 5, new string('x', 4001), null),
        ]);
        var errors = EditReport.Validate(edit, Names, submitting: true);
        Assert.Equal(["summary", "tasks[0].percent", "tasks[1].taskId", "tasks[2].taskId", "tasks[3].percent", "tasks[3].results"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Nhiệm vụ I.1 «Tập huấn»: tỷ lệ hoàn thành 140%", errors["tasks[0].percent"]);
        Assert.Contains("hai dòng", errors["tasks[2].taskId"]);
        Assert.Contains("Nhiệm vụ I.2", errors["tasks[3].results"]);
        Assert.Empty(EditReport.Validate(edit with { Summary = null, Tasks = [new(10, TaskState.Done, 100, null, null)] }, Names, submitting: false));
    }
}

public class RegimeFormTests
{
    private static RegimeFormInput Form(string due = "14/12", string opens = "30", string remind = "5", bool agencies = true) =>
        new(agencies, false, remind, [new(ReportKind.SixMonthly, false, "xx", "yy", "zz"), new(ReportKind.Yearly, true, due, "30/11", opens)]);

    [Fact]
    public void A_good_form_becomes_the_request_and_a_rule_switched_off_is_left_out_unread()
    {
        var (request, errors) = SetReportingRegime.Parse(Form());
        Assert.Empty(errors);
        Assert.Equal(new RuleRequest(ReportKind.Yearly, "14/12", "30/11", 30), Assert.Single(request.Rules));
        Assert.Equal(5, request.RemindDaysBefore);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once_beside_its_field_as_typed()
    {
        var (_, errors) = SetReportingRegime.Parse(Form(due: "30/02", opens: "ba mươi", remind: "", agencies: false));
        Assert.Equal(["Yearly.due", "Yearly.opens", "remindDaysBefore", "units"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'30/02'", errors["Yearly.due"]);
        Assert.Contains("'ba mươi' không phải số nguyên", errors["Yearly.opens"]);
        Assert.Contains("Nhập số ngày nhắc", errors["remindDaysBefore"]);
        // A number out of range is still checked by the rule itself.
        Assert.Contains("từ 1 đến 120", SetReportingRegime.Parse(Form(opens: "200")).Errors["Yearly.opens"]);
    }
}

public class OpenableCycleTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Only_the_earliest_unopened_cycle_not_yet_due_may_be_opened_by_hand()
    {
        var calendar = new List<(string, DateOnly, bool)>
        {
            ("SixMonthly-2026", new(2026, 6, 14), false), // past due: never opened late
            ("Yearly-2026", new(2026, 12, 14), false),
            ("SixMonthly-2027", new(2027, 6, 14), false),
            ("Yearly-2030", new(2030, 12, 14), false),
        };
        Assert.Equal("Yearly-2026", OpenCycles.OpenableEarly(calendar, Today));
        calendar[1] = ("Yearly-2026", new(2026, 12, 14), true);
        Assert.Equal("SixMonthly-2027", OpenCycles.OpenableEarly(calendar, Today));
        Assert.Equal("Yearly-2026", OpenCycles.OpenableEarly([("Yearly-2026", new(2026, 12, 1), false)], Today)); // due today still opens
        Assert.Null(OpenCycles.OpenableEarly([("SixMonthly-2026", new(2026, 6, 14), false), ("Yearly-2026", new(2026, 12, 14), true)], Today));
    }
}
