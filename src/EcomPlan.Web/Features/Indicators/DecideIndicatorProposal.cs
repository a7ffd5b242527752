using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

/// <summary>
/// The Ministry accepts a province's proposal (it becomes an indicator of the catalogue, with the code, names,
/// definition or concept corrected if need be) or refuses it with a reason. Decided once: a decided proposal is a conflict.
/// </summary>
public static class DecideIndicatorProposal
{
    /// <summary>Corrections to the proposal; an empty field keeps what the province proposed.</summary>
    public sealed record AcceptRequest(string? Code = null, string? NameVi = null, string? NameEn = null, string? Definition = null,
        string? Concept = null, string? Remark = null);

    public sealed record RefuseRequest(string? Reason);

    public enum Outcome { Done, NotFound, Forbidden, Invalid, Conflict }

    public sealed record Result(Outcome Outcome, Dictionary<string, string[]>? Errors = null, string? Message = null, string? IndicatorCode = null);

    public static async Task<Result> AcceptAsync(int id, AcceptRequest request, AccessScope scope, EcomPlanDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (proposal, refusal) = await FindAsync(id, scope, db, ct);
        if (proposal is null) return refusal!;
        static string? Or(string? correction, string? proposed) => string.IsNullOrWhiteSpace(correction) ? proposed : correction;
        var merged = proposal.ToDraft() with
        {
            Code = Or(request.Code, proposal.Code), NameVi = Or(request.NameVi, proposal.NameVi), NameEn = Or(request.NameEn, proposal.NameEn),
            Definition = Or(request.Definition, proposal.Definition), Concept = Or(request.Concept, proposal.Concept),
        };
        // The catalogue may have changed since the proposal (its code taken, an element gone): the rules apply again now.
        var (indicators, elements) = await AddToCatalogue.CodesAsync(db, ct);
        var (draft, errors) = CatalogueRules.CheckIndicator(merged, indicators, elements);
        var remark = CatalogueRules.Text(errors, "remark", request.Remark, 2000, required: false);
        if (errors.Count > 0) return new Result(Outcome.Invalid, errors);

        db.Indicators.Add(CatalogueRules.ToIndicator(draft, CatalogueOrigin.Proposal));
        Decide(proposal, ProposalStatus.Accepted, remark, scope, await NameAsync(db, scope, ct), clock);
        proposal.IndicatorCode = draft.Code;
        return await SaveAsync(db, proposal, ct) ?? new Result(Outcome.Done, IndicatorCode: draft.Code);
    }

    public static async Task<Result> RefuseAsync(int id, RefuseRequest request, AccessScope scope, EcomPlanDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (proposal, refusal) = await FindAsync(id, scope, db, ct);
        if (proposal is null) return refusal!;
        var errors = new Dictionary<string, string[]>();
        var reason = CatalogueRules.Text(errors, "reason", request.Reason, 2000, required: true, missing: "Nêu lý do từ chối để tỉnh biết cần sửa gì.");
        if (errors.Count > 0) return new Result(Outcome.Invalid, errors);
        Decide(proposal, ProposalStatus.Refused, reason, scope, await NameAsync(db, scope, ct), clock);
        return await SaveAsync(db, proposal, ct) ?? new Result(Outcome.Done);
    }

    private static async Task<(IndicatorProposal? Proposal, Result? Refusal)> FindAsync(int id, AccessScope scope, EcomPlanDbContext db, CancellationToken ct)
    {
        var proposal = await db.IndicatorProposals.Visible(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return (null, new Result(Outcome.NotFound, Message: $"Không có đề xuất chỉ số mã {id}."));
        if (!scope.CanEditCatalogue) return (null, new Result(Outcome.Forbidden, Message: "Chỉ Bộ Công Thương quyết định đề xuất chỉ số."));
        if (proposal.Status != ProposalStatus.Proposed)
            return (null, new Result(Outcome.Conflict, Message: $"Đề xuất {id} đã được {(proposal.Status == ProposalStatus.Accepted ? "chấp nhận" : "từ chối")}."));
        return (proposal, null);
    }

    private static void Decide(IndicatorProposal proposal, ProposalStatus status, string? reason, AccessScope scope, string name, TimeProvider clock)
    {
        proposal.Status = status;
        proposal.DecisionReason = reason;
        proposal.DecidedBy = scope.UserId;
        proposal.DecidedByName = name;
        proposal.DecidedAt = clock.GetUtcNow();
    }

    private static async Task<string> NameAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? $"#{scope.UserId}";

    /// <summary>Null when saved. The proposal's province goes on every audit entry, the new indicator's included.</summary>
    private static async Task<Result?> SaveAsync(EcomPlanDbContext db, IndicatorProposal proposal, CancellationToken ct)
    {
        db.AuditProvinceCode = proposal.ProvinceCode;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another decision on the same proposal, or its code taken, between the check and the write (Status is a concurrency token).
            foreach (var entry in db.ChangeTracker.Entries().ToList()) entry.State = EntityState.Detached;
            return new Result(Outcome.Conflict, Message: "Đề xuất vừa được quyết định, hoặc mã chỉ số vừa được dùng. Tải lại rồi thử lại.");
        }
    }
}
