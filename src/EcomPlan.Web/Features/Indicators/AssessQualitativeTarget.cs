using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>The status of a qualitative target ("giảm bao bì nhựa"), set by the plan's owner with its evidence.</summary>
public sealed class QualitativeAssessment
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public ProgressStatus Status { get; set; }
    public required string Evidence { get; set; }
    public int? AssessedBy { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
}

internal sealed class QualitativeAssessmentConfiguration : IEntityTypeConfiguration<QualitativeAssessment>
{
    public void Configure(EntityTypeBuilder<QualitativeAssessment> b)
    {
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.Evidence).HasMaxLength(4000);
        b.HasOne<Target>().WithMany().HasForeignKey(a => a.TargetId);
        b.HasIndex(a => a.TargetId);
    }
}

public static class AssessQualitativeTarget
{
    public sealed record Request(ProgressStatus? Status, string? Evidence);

    public enum Outcome { Done, NotFound, Forbidden, Invalid }

    public static async Task<(Outcome Outcome, string? Message)> HandleAsync(EcomPlanDbContext db, AccessScope scope, string planId, int targetId,
        Request request, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Visible(scope).FirstOrDefaultAsync(p => p.Id == planId, ct);
        var target = plan is null ? null : await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId && t.PlanId == planId, ct);
        if (plan is null || target is null) return (Outcome.NotFound, $"Không có chỉ tiêu {targetId} trong kế hoạch '{planId}'.");
        if (!scope.CanEditPlan(plan.Level, plan.ProvinceCode)) return (Outcome.Forbidden, "Chỉ cơ quan quản lý kế hoạch được đánh giá chỉ tiêu định tính.");
        if (target.Kind != TargetKind.Qualitative) return (Outcome.Invalid, "Chỉ tiêu định lượng được đánh giá theo số liệu, không đánh giá tay.");
        if (request.Status is not { } status || !Enum.IsDefined(status) || status == ProgressStatus.InsufficientData)
            return (Outcome.Invalid, "Chọn một tình trạng (đã đạt, đúng tiến độ, cần đẩy nhanh, hạn chế, xấu đi).");
        // An ended plan is judged met or not; a running one by its progress, so the two vocabularies never mix.
        var closed = plan.PeriodEnd < clock.GetLocalNow().Year;
        if (!ProgressQueries.StatusesFor(closed).Contains(status))
            return (Outcome.Invalid, closed
                ? "Kế hoạch đã kết thúc: chọn \"Đã đạt\" hoặc \"Không đạt\"."
                : "\"Không đạt\" chỉ dùng khi kế hoạch đã kết thúc; chọn một tình trạng tiến độ.");
        var evidence = request.Evidence?.Trim() ?? "";
        if (evidence.Length is < 10 or > 4000) return (Outcome.Invalid, "Minh chứng phải có từ 10 đến 4000 ký tự (văn bản, số liệu, kết quả kiểm tra…).");
        db.AuditProvinceCode = plan.ProvinceCode;
        db.QualitativeAssessments.Add(new QualitativeAssessment
        {
            TargetId = targetId, Status = status, Evidence = evidence, AssessedBy = scope.UserId, AssessedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/plans/{id}/targets/{targetId:int}/assessment", async Task<Results<NoContent, ProblemHttpResult>> (
                string id, int targetId, Request request, EcomPlanDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var (outcome, message) = await HandleAsync(db, await user.ScopeAsync(ct), id, targetId, request, clock, ct);
                return outcome switch
                {
                    Outcome.Done => TypedResults.NoContent(),
                    Outcome.NotFound => Problems.NotFound(message!),
                    Outcome.Forbidden => TypedResults.Problem(title: "Không có quyền", detail: message, statusCode: 403),
                    _ => Problems.BadRequest(message!),
                };
            })
            .RequireAuthorization(Policies.SignedIn).WithTags("Tiến độ (progress)")
            .WithName("AssessQualitativeTarget").WithSummary("Đánh giá tay một chỉ tiêu định tính, kèm minh chứng (mọi lần đánh giá đều được giữ)");
        return app;
    }
}
