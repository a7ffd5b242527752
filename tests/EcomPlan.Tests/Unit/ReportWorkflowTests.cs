using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Reporting;

namespace EcomPlan.Tests.Unit;

public class ReportWorkflowTests
{
    [Theory]
    [InlineData(ReportStatus.NotStarted, ReportAction.SaveDraft, ReportStatus.Draft)]
    [InlineData(ReportStatus.Draft, ReportAction.SaveDraft, ReportStatus.Draft)]
    [InlineData(ReportStatus.Returned, ReportAction.SaveDraft, ReportStatus.Returned)]
    [InlineData(ReportStatus.NotStarted, ReportAction.Submit, ReportStatus.Submitted)]
    [InlineData(ReportStatus.Draft, ReportAction.Submit, ReportStatus.Submitted)]
    [InlineData(ReportStatus.Returned, ReportAction.Submit, ReportStatus.Submitted)]
    [InlineData(ReportStatus.Submitted, ReportAction.Accept, ReportStatus.Accepted)]
    [InlineData(ReportStatus.Submitted, ReportAction.Return, ReportStatus.Returned)]
    [InlineData(ReportStatus.Accepted, ReportAction.Reopen, ReportStatus.Returned)]
    public void Allowed_steps(ReportStatus from, ReportAction action, ReportStatus to)
    {
        var (next, refusal) = ReportWorkflow.Apply(from, action);
        Assert.Equal((to, null), (next, refusal));
    }

    [Fact]
    public void Every_other_step_is_refused_with_a_reason()
    {
        var allowed = new HashSet<(ReportStatus, ReportAction)>
        {
            (ReportStatus.NotStarted, ReportAction.SaveDraft), (ReportStatus.Draft, ReportAction.SaveDraft), (ReportStatus.Returned, ReportAction.SaveDraft),
            (ReportStatus.NotStarted, ReportAction.Submit), (ReportStatus.Draft, ReportAction.Submit), (ReportStatus.Returned, ReportAction.Submit),
            (ReportStatus.Submitted, ReportAction.Accept), (ReportStatus.Submitted, ReportAction.Return), (ReportStatus.Accepted, ReportAction.Reopen),
        };
        var refused = 0;
        foreach (var from in Enum.GetValues<ReportStatus>())
            foreach (var action in Enum.GetValues<ReportAction>())
            {
                if (allowed.Contains((from, action))) continue;
                var (next, refusal) = ReportWorkflow.Apply(from, action);
                Assert.Null(next);
                Assert.False(string.IsNullOrWhiteSpace(refusal), $"{from} + {action}");
                refused++;
            }
        Assert.Equal(5 * 5 - 9, refused);
        // The messages say why in the user's terms.
        Assert.Contains("khóa", ReportWorkflow.Apply(ReportStatus.Accepted, ReportAction.SaveDraft).Refusal);
        Assert.Contains("đã gửi", ReportWorkflow.Apply(ReportStatus.NotStarted, ReportAction.Accept).Refusal);
    }

    [Fact]
    public void On_time_means_by_midnight_of_the_due_day_in_Vietnam()
    {
        var due = new DateOnly(2026, 6, 14);
        Assert.True(ReportWorkflow.OnTime(new DateTimeOffset(2026, 6, 14, 16, 59, 0, TimeSpan.Zero), due)); // 23:59 in Hà Nội
        Assert.False(ReportWorkflow.OnTime(new DateTimeOffset(2026, 6, 14, 17, 0, 0, TimeSpan.Zero), due)); // 00:00 on the 15th
        Assert.True(ReportWorkflow.OnTime(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(7)), due));
    }

    [Fact]
    public void Rates_count_submitted_and_on_time_reports()
    {
        var due = new DateOnly(2026, 12, 14);
        var early = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero);
        var (reporting, onTime) = ReportWorkflow.Rates([(due, early), (due, late), (due, null), (due, early)]);
        Assert.Equal((75m, 50m), (reporting!.Value, onTime!.Value));
        Assert.Equal((null, null), ReportWorkflow.Rates([]));
        Assert.True(ReportWorkflow.IsLate(ReportStatus.Draft, null, due, due.AddDays(1)));
        Assert.False(ReportWorkflow.IsLate(ReportStatus.Draft, null, due, due));
        Assert.False(ReportWorkflow.IsLate(ReportStatus.Returned, early, due, due.AddDays(5)));
    }

    [Fact]
    public void Reminders_before_due_after_due_and_a_summary_once_past()
    {
        var due = new DateOnly(2026, 12, 14);
        List<SendReminders.Pending> reports = [new(1, ReportStatus.NotStarted), new(2, ReportStatus.Submitted), new(3, ReportStatus.Returned), new(4, ReportStatus.Accepted)];
        Assert.Empty(SendReminders.Due(due, 5, new DateOnly(2026, 12, 8), reports));
        Assert.Equal([(ReminderKind.BeforeDue, 1), (ReminderKind.BeforeDue, 3)], SendReminders.Due(due, 5, new DateOnly(2026, 12, 9), reports).Select(r => (r.Kind, r.ReportId!.Value)));
        Assert.Equal(2, SendReminders.Due(due, 5, due, reports).Count);
        var after = SendReminders.Due(due, 5, due.AddDays(1), reports);
        Assert.Equal([(ReminderKind.Overdue, (int?)1), (ReminderKind.Overdue, 3), (ReminderKind.Summary, null)], after);
        Assert.NotEqual(SendReminders.KeyOf(1, ReminderKind.BeforeDue, 1, "A@x.vn"), SendReminders.KeyOf(1, ReminderKind.Overdue, 1, "a@x.vn"));
        Assert.Equal(SendReminders.KeyOf(1, ReminderKind.BeforeDue, 1, "A@x.vn"), SendReminders.KeyOf(1, ReminderKind.BeforeDue, 1, "a@x.vn"));
    }

    [Fact]
    public void A_task_is_late_when_reported_late_or_past_its_last_year_unfinished()
    {
        Assert.True(TaskTimeline.IsLate(TaskState.Late, 2030, 2026));
        Assert.True(TaskTimeline.IsLate(null, 2025, 2026));
        Assert.True(TaskTimeline.IsLate(TaskState.InProgress, 2025, 2026));
        Assert.False(TaskTimeline.IsLate(TaskState.Done, 2025, 2026));
        Assert.False(TaskTimeline.IsLate(TaskState.Stopped, 2025, 2026));
        Assert.False(TaskTimeline.IsLate(TaskState.InProgress, 2026, 2026));
    }

    [Fact]
    public void Regime_validation_names_every_problem()
    {
        Assert.Equal((14, 6), SetReportingRegime.ParseDayMonth("14/06"));
        Assert.Equal((29, 2), SetReportingRegime.ParseDayMonth("29/2"));
        Assert.Null(SetReportingRegime.ParseDayMonth("31/06"));
        Assert.Null(SetReportingRegime.ParseDayMonth("15-06"));
        Assert.Null(SetReportingRegime.ParseDayMonth("0/1"));
        var errors = SetReportingRegime.Validate(new RegimeRequest(false, false, 40,
            [new(ReportKind.Yearly, "31/02", "x", 0), new(ReportKind.Yearly, "14/12", "30/11")]));
        Assert.Contains("units", errors.Keys);
        Assert.Contains("remindDaysBefore", errors.Keys);
        Assert.Contains("Yearly", errors.Keys);
        Assert.Contains("Yearly.due", errors.Keys);
        Assert.Contains("Yearly.cutOff", errors.Keys);
        Assert.Contains("Yearly.opens", errors.Keys);
        Assert.Empty(SetReportingRegime.Validate(new RegimeRequest(true, false, 5, [new(ReportKind.SixMonthly, "14/06", "31/05")])));
    }

    [Fact]
    public void Only_the_units_own_reporters_write_and_only_the_plan_owner_reviews()
    {
        var reporter = new AccessScope(1, [new ScopedRole(UserRole.AgencyReporter, "82", AgencyId: 7)]);
        var commune = new AccessScope(2, [new ScopedRole(UserRole.CommuneReporter, "82", CommuneCode: "29000")]);
        var department = new AccessScope(3, [new ScopedRole(UserRole.ProvincialAdministrator, "82")]);
        var otherDepartment = new AccessScope(4, [new ScopedRole(UserRole.ProvincialAdministrator, "56")]);
        var viewer = new AccessScope(5, [new ScopedRole(UserRole.Viewer, "82")]);
        Assert.True(reporter.CanWriteReport(7, null));
        Assert.False(reporter.CanWriteReport(8, null));
        Assert.False(reporter.CanReadReport(PlanLevel.Provincial, "82", 8, null));
        Assert.True(commune.CanWriteReport(null, "29000"));
        Assert.False(department.CanWriteReport(7, null));
        Assert.True(department.CanRunReporting(PlanLevel.Provincial, "82"));
        Assert.False(otherDepartment.CanRunReporting(PlanLevel.Provincial, "82"));
        Assert.False(otherDepartment.CanReadReport(PlanLevel.Provincial, "82", 7, null));
        Assert.False(otherDepartment.CanReadCycle(PlanLevel.Provincial, "82"));
        Assert.True(viewer.CanReadReport(PlanLevel.Provincial, "82", 7, null));
        Assert.False(viewer.CanRunReporting(PlanLevel.Provincial, "82"));
        Assert.True(reporter.CanReadCycle(PlanLevel.Provincial, "82"));
    }
}
