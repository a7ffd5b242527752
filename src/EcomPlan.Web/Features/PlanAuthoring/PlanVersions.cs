using System.Text.Json;
using System.Text.Json.Serialization;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.PlanAuthoring;

public sealed record VersionSummary(int Number, VersionKind Kind, string? DocumentNumber, DateOnly? DocumentDate, DateOnly EffectiveDate, string? Reason,
    PlanSourceKind SourceKind, string? SourceNote, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? IssuedAt, bool InForce)
{
    public string Label => Kind switch
    {
        VersionKind.Draft => "Dự thảo (lưu để đối chiếu)",
        VersionKind.Issue => "Ban hành",
        _ => IssuedAt is null ? "Sửa đổi, bổ sung (đang soạn)" : "Sửa đổi, bổ sung",
    };
}

/// <summary>
/// The frozen states of a plan and which one is in force. Statuses and evaluations use the version in force: the
/// latest issued one whose effective date has come. While an amendment is being drafted, or before an issued
/// amendment takes effect, the plan's tables hold newer wording than the one in force.
/// </summary>
public static class PlanVersions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(PlanContent content) => JsonSerializer.Serialize(content, Json);

    public static PlanContent Deserialize(string json) => JsonSerializer.Deserialize<PlanContent>(json, Json)!;

    public static async Task<List<VersionSummary>> ListAsync(EcomPlanDbContext db, string planId, DateOnly today, CancellationToken ct)
    {
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Number).ToListAsync(ct);
        var inForce = InForce(versions, today)?.Number;
        return versions.Select(v => new VersionSummary(v.Number, v.Kind, v.DocumentNumber, v.DocumentDate, v.EffectiveDate, v.Reason, v.SourceKind,
            v.SourceNote, v.CreatedAt, v.CreatedBy, v.IssuedAt, v.Number == inForce)).ToList();
    }

    /// <summary>The version in force on <paramref name="today"/>: the latest issued (not a kept draft) already effective. Pure.</summary>
    public static PlanVersion? InForce(IEnumerable<PlanVersion> versions, DateOnly today) =>
        versions.Where(v => v.IssuedAt is not null && v.Kind != VersionKind.Draft && v.EffectiveDate <= today).MaxBy(v => v.Number);

    /// <summary>A version's content; "current" (number 0) is the plan as it stands in its tables.</summary>
    public static async Task<PlanContent?> ContentAsync(EcomPlanDbContext db, string planId, int number, CancellationToken ct)
    {
        if (number == 0) return await PlanContentStore.ReadAsync(db, planId, ct);
        var json = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && v.Number == number && v.Content != null)
            .Select(v => v.Content).FirstOrDefaultAsync(ct);
        return json is null ? null : Deserialize(json);
    }

    /// <summary>
    /// The targets statuses are computed on: the plan's own rows, unless a newer wording than the one in force sits in
    /// the tables; then the requirement (kind, values, deadline, text) of the version in force, on the same rows.
    /// </summary>
    public static async Task<List<TargetDto>> TargetsInForceAsync(EcomPlanDbContext db, string planId, List<TargetDto> live, DateOnly today, CancellationToken ct)
    {
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && v.IssuedAt != null && v.Kind != VersionKind.Draft).ToListAsync(ct);
        var inForce = InForce(versions, today);
        if (inForce is null) return live;
        var open = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.OpenAmendmentId).FirstAsync(ct);
        if (open is null && inForce.Number == versions.Max(v => v.Number)) return live;
        return InForceTargets(Deserialize(inForce.Content!), live);
    }

    /// <summary>Live rows with the requirement of <paramref name="content"/>; targets only the version has are rebuilt from it. Pure.</summary>
    public static List<TargetDto> InForceTargets(PlanContent content, IReadOnlyList<TargetDto> live)
    {
        var result = new List<TargetDto>();
        foreach (var g in content.TargetGroups)
            foreach (var t in g.Targets)
            {
                var row = live.FirstOrDefault(x => t.Id is not null && x.Id == t.Id) ?? live.FirstOrDefault(x => x.Key == t.Key);
                result.Add(row is not null
                    ? row with
                    {
                        Key = t.Key, Text = t.Text, Kind = t.Kind, Value = t.Value, Min = t.Min, Max = t.Max, Exclusive = t.Exclusive,
                        Tolerance = t.Tolerance, Unit = t.Unit, Of = t.Of, DeadlineYear = t.DeadlineYear, Indicator = row.Indicator ?? t.Indicator,
                    }
                    : new TargetDto(t.Id ?? 0, live.FirstOrDefault()?.PlanId ?? "", t.Key, g.Code, g.Title, t.Text, t.Indicator, t.Kind, t.Value, t.Min, t.Max,
                        t.Exclusive, t.Unit, t.Of, t.DeadlineYear, null, null, new SourceRef(null, t.Source, t.Line), t.MonitoringAgencies, [], [], [], t.Tolerance));
            }
        return result;
    }

    public sealed record IssueRequest(DateOnly? EffectiveDate = null, string? Note = null);

    /// <summary>Draft → issued: the plan as it stands becomes version 1 (or the next), frozen; its content then changes only by amendment.</summary>
    public static async Task<EditResult> IssueAsync(EcomPlanDbContext db, AccessScope scope, string planId, IssueRequest request, string actor,
        TimeProvider clock, CancellationToken ct)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: false);
        if (plan is null) return refusal!;
        if (plan.Status != PlanStatus.Draft) return new EditResult(EditOutcome.Locked, Message: "Kế hoạch đã ban hành.");
        var errors = new Dictionary<string, string[]>();
        if (plan.SourceKind == PlanSourceKind.Original && (plan.DocumentNumber is null || plan.DocumentDate is null))
            errors["documentNumber"] = ["Kế hoạch theo văn bản gốc cần số và ngày văn bản trước khi ban hành."];
        if (!await db.Targets.AnyAsync(t => t.PlanId == planId, ct) && !await db.Tasks.AnyAsync(t => t.PlanId == planId, ct))
            errors["content"] = ["Kế hoạch chưa có chỉ tiêu hay nhiệm vụ nào."];
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var now = clock.GetUtcNow();
        plan.Status = PlanStatus.Approved;
        plan.Revision++;
        await AddVersionAsync(db, plan, VersionKind.Issue, plan.DocumentNumber, plan.DocumentDate,
            request.EffectiveDate ?? plan.DocumentDate ?? Reporting.ReportWorkflow.Today(now), request.Note, actor, now, ct);
        return await PlanEditing.SaveAsync(db, EditResult.Done, ct);
    }

    private static async Task<PlanVersion> AddVersionAsync(EcomPlanDbContext db, Plan plan, VersionKind kind, string? number, DateOnly? date, DateOnly effective,
        string? reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var next = (await db.PlanVersions.Where(v => v.PlanId == plan.Id).Select(v => (int?)v.Number).MaxAsync(ct) ?? 0) + 1;
        var version = new PlanVersion
        {
            PlanId = plan.Id, Number = next, Kind = kind, DocumentNumber = number, DocumentDate = date, EffectiveDate = effective, Reason = reason,
            SourceKind = plan.SourceKind, SourceNote = plan.SourceNote, CreatedAt = now, CreatedBy = actor, IssuedAt = now, ProvinceCode = plan.ProvinceCode,
            Content = Serialize((await PlanContentStore.ReadAsync(db, plan.Id, ct))!),
        };
        db.PlanVersions.Add(version);
        return version;
    }

    public sealed record AmendmentRequest(string? DocumentNumber, DateOnly? DocumentDate, DateOnly? EffectiveDate, string? Reason,
        PlanSourceKind? SourceKind = null, string? SourceNote = null);

    /// <summary>Opens an amendment (quyết định sửa đổi, bổ sung) of an issued plan: its content may change until the amendment is issued.</summary>
    public static async Task<EditResult> OpenAmendmentAsync(EcomPlanDbContext db, AccessScope scope, string planId, AmendmentRequest r, string actor,
        TimeProvider clock, CancellationToken ct, IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: false);
        if (plan is null) return refusal!;
        if (plan.Status == PlanStatus.Draft) return new EditResult(EditOutcome.Locked, Message: "Kế hoạch còn là dự thảo: sửa trực tiếp, không cần quyết định sửa đổi.");
        if (plan.OpenAmendmentId is not null) return new EditResult(EditOutcome.Locked, Message: "Đang có một bản sửa đổi chưa ban hành: ban hành hoặc hủy nó trước.");
        var errors = new Dictionary<string, string[]>();
        var number = PlanEditing.Text(errors, "documentNumber", "số quyết định sửa đổi", r.DocumentNumber, 64);
        var reason = PlanEditing.Text(errors, "reason", "lý do sửa đổi", r.Reason, 2000);
        var note = PlanEditing.Text(errors, "sourceNote", "ghi chú nguồn", r.SourceNote, 500, required: r.SourceKind == PlanSourceKind.Provisional);
        if (r.DocumentDate is null) errors["documentDate"] = ["Nhập ngày của quyết định sửa đổi."];
        if (r.EffectiveDate is null) errors["effectiveDate"] = ["Nhập ngày có hiệu lực."];
        else if (r.DocumentDate is { } d && r.EffectiveDate < d) errors["effectiveDate"] = ["Ngày có hiệu lực không được trước ngày của quyết định."];
        PlanEditing.AddFormErrors(errors, formErrors);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        var now = clock.GetUtcNow();
        var next = (await db.PlanVersions.Where(v => v.PlanId == planId).Select(v => (int?)v.Number).MaxAsync(ct) ?? 0) + 1;
        var version = new PlanVersion
        {
            PlanId = planId, Number = next, Kind = VersionKind.Amendment, DocumentNumber = number, DocumentDate = r.DocumentDate, EffectiveDate = r.EffectiveDate!.Value,
            Reason = reason, SourceKind = r.SourceKind ?? PlanSourceKind.Original, SourceNote = note, CreatedAt = now, CreatedBy = actor, ProvinceCode = plan.ProvinceCode,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PlanVersions.Add(version);
        await db.SaveChangesAsync(ct);
        plan.OpenAmendmentId = version.Id;
        plan.Revision++;
        var result = await PlanEditing.SaveAsync(db, EditResult.Done with { Id = next }, ct);
        if (result.Ok) await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Issues the open amendment: the plan as it now stands becomes that version.</summary>
    public static async Task<EditResult> IssueAmendmentAsync(EcomPlanDbContext db, AccessScope scope, string planId, TimeProvider clock, CancellationToken ct)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: false);
        if (plan is null) return refusal!;
        var version = plan.OpenAmendmentId is { } id ? await db.PlanVersions.FirstOrDefaultAsync(v => v.Id == id, ct) : null;
        if (version is null) return new EditResult(EditOutcome.Locked, Message: "Kế hoạch không có bản sửa đổi đang soạn.");
        var content = (await PlanContentStore.ReadAsync(db, planId, ct))!;
        var previous = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && v.IssuedAt != null && v.Kind != VersionKind.Draft)
            .OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync(ct);
        if (PlanDiff.Compare(Deserialize(previous!), content).IsEmpty)
            return EditResult.Invalid("content", "Bản sửa đổi chưa thay đổi gì so với bản đang hiệu lực: sửa nội dung trước khi ban hành, hoặc hủy bản sửa đổi.");
        (version.Content, version.IssuedAt) = (Serialize(content), clock.GetUtcNow());
        plan.OpenAmendmentId = null;
        plan.Revision++;
        return await PlanEditing.SaveAsync(db, EditResult.Done with { Id = version.Number }, ct);
    }

    /// <summary>Drops the open amendment and puts the plan back as the last issued version says.</summary>
    public static async Task<EditResult> DiscardAmendmentAsync(EcomPlanDbContext db, AccessScope scope, string planId, CancellationToken ct)
    {
        var (plan, refusal) = await PlanEditing.EditableAsync(db, scope, planId, ct, contentChange: false);
        if (plan is null) return refusal!;
        var version = plan.OpenAmendmentId is { } id ? await db.PlanVersions.FirstOrDefaultAsync(v => v.Id == id, ct) : null;
        if (version is null) return new EditResult(EditOutcome.Locked, Message: "Kế hoạch không có bản sửa đổi đang soạn.");
        var previous = Deserialize((await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && v.IssuedAt != null && v.Kind != VersionKind.Draft)
            .OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync(ct))!);
        var blockers = await PlanContentStore.BlockersAsync(db, planId, previous, ct);
        if (blockers.Count > 0) return EditResult.Invalid("content", string.Join(" ", blockers));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        plan.OpenAmendmentId = null;
        await db.SaveChangesAsync(ct);
        db.PlanVersions.Remove(version);
        await PlanContentStore.ApplyAsync(db, plan, previous, createAgencies: true, ct);
        var result = await PlanEditing.SaveAsync(db, EditResult.Done, ct);
        if (result.Ok) await tx.CommitAsync(ct);
        return result;
    }
}
