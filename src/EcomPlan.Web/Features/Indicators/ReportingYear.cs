using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// The year whose values are being reported, offered by default in entry and in the values templates. The yearly
/// reports are made in December for the year then ending, so from 1 December the reporting year is the current
/// year; from January to November it is the year before (whose figures are the latest complete ones).
/// </summary>
public static class ReportingYear
{
    public static int Of(DateOnly today) => today.Month == 12 ? today.Year : today.Year - 1;

    /// <summary>Today as read on a clock in Vietnam.</summary>
    public static int Now(TimeProvider clock) => Of(DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnameseText.VietnamOffset).DateTime));
}
