using System.Globalization;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public static class ValueEndpoints
{
    public static IEndpointRouteBuilder MapValueEndpoints(this IEndpointRouteBuilder app)
    {
        // Machine clients only (bearer token): people import through the page, whose form carries an antiforgery token.
        app.MapPost("/api/v1/values/import", async Task<Results<Ok<ImportValues.Report>, Conflict<ImportValues.Report>, BadRequest<ImportValues.Report>>> (
                IFormFile? file, bool? confirmOutliers, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null)
                    return TypedResults.BadRequest(new ImportValues.Report(0, 0, 0, 0, 0, [new(0, "file", "Thiếu tệp (trường 'file' của multipart/form-data).")], []));
                await using var stream = file.OpenReadStream();
                var report = await ImportValues.HandleAsync(db, await user.ScopeAsync(ct), stream, file.FileName, file.Length, confirmOutliers ?? false, clock, ct);
                return report.Errors.Count > 0 ? TypedResults.BadRequest(report)
                    : report.NeedsConfirmation ? TypedResults.Conflict(report)
                    : TypedResults.Ok(report);
            })
            .RequireAuthorization(Policies.MachineClient).DisableAntiforgery().AcceptsFileOf(ImportValues.MaxBytes)
            .WithTags("Số liệu (values)").WithName("ImportValues")
            .WithSummary("Nhập số liệu từ CSV/XLSX: kiểm tra hết trước khi ghi; có lỗi thì không ghi gì và trả mọi lỗi theo dòng, cột; giá trị bất thường cần confirmOutliers=true");

        app.MapPost("/api/v1/values", async Task<Results<Ok<ImportValues.Report>, Conflict<ImportValues.Report>, BadRequest<ImportValues.Report>>> (
                ImportValues.JsonRequest request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var report = await ImportValues.HandleJsonAsync(db, await user.ScopeAsync(ct), request, clock, ct);
                return report.Errors.Count > 0 ? TypedResults.BadRequest(report)
                    : report.NeedsConfirmation ? TypedResults.Conflict(report)
                    : TypedResults.Ok(report);
            })
            .RequireAuthorization(Policies.MachineClient).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportValues.MaxBytes * 2))
            .WithTags("Số liệu (values)").WithName("PostValues")
            .WithSummary("Gửi số liệu dạng JSON (máy khách dùng mã truy cập): cùng các kiểm tra như nhập tệp; có lỗi thì không ghi gì");

        app.MapGet("/api/v1/plans/{id}/values-template", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string id, string? format, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await user.ScopeAsync(ct);
                var plan = (await PlanQueries.GetAsync(db, id, scope, ct));
                if (plan is null) return Problems.PlanNotFound(id);
                if (format is not (null or "csv" or "xlsx")) return Problems.BadRequest("Định dạng phải là csv hoặc xlsx.");
                var targets = await PlanQueries.TargetsAsync(db, id, new PlanItemFilter(), scope, ct);
                var codes = targets.Where(t => t.Indicator is not null).Select(t => t.Indicator!).Distinct().ToList();
                var names = await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => (i.NameVi, i.Unit), ct);
                var unit = plan.ProvinceCode ?? "VN";
                var unitName = unit == "VN" ? "Cả nước" : await db.Provinces.AsNoTracking().Where(p => p.Code == unit).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? unit;
                var rows = ValuesTemplate.Rows(codes.Select(c => names.TryGetValue(c, out var n) ? (c, n.NameVi, n.Unit) : (c, c, "")), unit, unitName, ReportingYear.Now(clock));
                return format == "xlsx"
                    ? TypedResults.File(ValuesTemplate.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mau-so-lieu-{id}.xlsx")
                    : TypedResults.File(Spreadsheet.WriteCsv(rows), "text/csv; charset=utf-8", $"mau-so-lieu-{id}.csv");
            })
            .AllowAnonymous().WithTags("Số liệu (values)").WithName("GetValuesTemplate")
            .WithSummary("Mẫu nhập số liệu của một kế hoạch (CSV hoặc XLSX, trang «Số liệu»): một dòng cho mỗi chỉ số, kèm tên chỉ số, đơn vị tính, tên đơn vị và năm báo cáo; cột bắt buộc có dấu *");

        app.MapGet("/api/v1/plans/{id}/progress/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string id, string? format, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "xlsx")) return Problems.BadRequest("Định dạng phải là csv hoặc xlsx.");
                var progress = await ProgressQueries.ForPlanAsync(db, id, await user.ScopeAsync(ct), DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
                if (progress is null) return Problems.PlanNotFound(id);
                var rows = new List<IReadOnlyList<string>>
                {
                    new[] { "nhom", "ma_chi_tieu", "chi_tieu", "chi_so", "yeu_cau", "don_vi", "nam_moi_nhat", "gia_tri_moi_nhat", "tinh_trang", "ty_so", "du_bao_den_han", "danh_gia_cuoi_ky", "giai_thich" },
                };
                // "0.######": PostgreSQL returns numeric(18,4) with its trailing zeros (60.8200).
                string N(decimal? v) => v is { } d ? d.ToString("0.######", CultureInfo.InvariantCulture) : "";
                rows.AddRange(progress.Targets.Select(t => (IReadOnlyList<string>)
                [
                    t.Target.Group, t.Target.Key, t.Target.Text, t.Target.Indicator ?? "", t.Target.Requirement, t.Target.Unit ?? "",
                    t.Progress.Latest?.Year.ToString(CultureInfo.InvariantCulture) ?? "", N(t.Progress.Latest?.Value), ProgressQueries.StatusName(t.Progress.Status),
                    t.Progress.Ratio?.ToString("0.###", CultureInfo.InvariantCulture) ?? "", N(t.Progress.Projection is { } p ? Math.Round(p, 2) : null),
                    t.Evaluation?.Met switch { true => "Đạt", false => "Không đạt", _ => t.Evaluation is null ? "" : "Chưa đủ số liệu" },
                    t.Progress.Explanation,
                ]));
                return format == "xlsx"
                    ? TypedResults.File(Spreadsheet.WriteXlsx("Tien do", rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"tien-do-{id}.xlsx")
                    : TypedResults.File(Spreadsheet.WriteCsv(rows), "text/csv; charset=utf-8", $"tien-do-{id}.csv");
            })
            .AllowAnonymous().WithTags("Tiến độ (progress)").WithName("ExportPlanProgress")
            .WithSummary("Xuất tình trạng và đánh giá các chỉ tiêu của kế hoạch ra CSV hoặc XLSX");
        return app;
    }
}
