using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Indicators;

public sealed record IndicatorProposalDto(
    int Id, string ProvinceCode, string ProvinceName, string ProposedByName, DateTimeOffset ProposedAt, string Reason, IndicatorDraft Indicator,
    ProposalStatus Status, string? DecidedByName, DateTimeOffset? DecidedAt, string? DecisionReason, string? IndicatorCode);

/// <summary>
/// A provincial administrator proposes an indicator for their province: the same fields and rules as one the
/// Ministry adds, plus why. It waits, unusable, until the Ministry accepts or refuses it.
/// </summary>
public static class ProposeIndicator
{
    public sealed record Request(
        string? ProvinceCode, string? Code, string? NameVi, string? NameEn, string? Definition, string? Unit, string? Direction, string? PeriodType,
        string? Kind, string? Numerator, string? Denominator, decimal? Factor, string? Rollup, string? RollupCondition, string? Concept, string? Note,
        string? Reason)
    {
        public IndicatorDraft ToDraft() => new(Code, NameVi, NameEn, Definition, Unit, Direction, PeriodType, Kind, Numerator, Denominator, Factor,
            Rollup, RollupCondition, Concept, Note);
    }

    public enum Outcome { Proposed, Invalid, Forbidden }

    public sealed record Result(Outcome Outcome, int? Id = null, Dictionary<string, string[]>? Errors = null, string? Message = null);

    /// <summary><c>formErrors</c>: problems a form found before (a factor that is not a number), reported with the rest; nothing is written.</summary>
    public static async Task<Result> HandleAsync(Request request, AccessScope scope, EcomPlanDbContext db, TimeProvider clock, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? formErrors = null)
    {
        var errors = new Dictionary<string, string[]>();
        var province = request.ProvinceCode?.Trim() is { Length: > 0 } given ? given
            : scope.AdministeredProvinces.Count == 1 ? scope.AdministeredProvinces.Single() : null;
        if (province is null) errors["provinceCode"] = ["Chọn tỉnh đề xuất."];
        else if (!scope.CanProposeIndicator(province))
            return new Result(Outcome.Forbidden, Message: "Chỉ quản trị viên của tỉnh mới đề xuất chỉ số cho tỉnh đó.");

        var (indicators, elements) = await AddToCatalogue.CodesAsync(db, ct);
        var (draft, draftErrors) = CatalogueRules.CheckIndicator(request.ToDraft(), indicators, elements);
        foreach (var (k, v) in draftErrors.Concat(formErrors ?? new Dictionary<string, string[]>())) errors[k] = v;
        var reason = CatalogueRules.Text(errors, "reason", request.Reason, 2000, required: true,
            missing: "Nêu lý do đề xuất (chỉ tiêu nào của kế hoạch cần chỉ số này, số liệu lấy từ đâu).");
        if (errors.Count > 0) return new Result(Outcome.Invalid, Errors: errors);

        var name = await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? $"#{scope.UserId}";
        var proposal = new IndicatorProposal
        {
            ProvinceCode = province!, ProposedBy = scope.UserId, ProposedByName = name, ProposedAt = clock.GetUtcNow(), Reason = reason!,
            Code = draft.Code!, NameVi = draft.NameVi!, NameEn = draft.NameEn!, Definition = draft.Definition!, Unit = draft.Unit!,
            Direction = draft.Direction!, PeriodType = draft.PeriodType!, Kind = draft.Kind!, Numerator = draft.Numerator, Denominator = draft.Denominator,
            Factor = draft.Factor, Rollup = draft.Rollup!, RollupCondition = draft.RollupCondition, Concept = draft.Concept!, Note = draft.Note,
            Status = ProposalStatus.Proposed,
        };
        db.IndicatorProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return new Result(Outcome.Proposed, proposal.Id);
    }
}

public static class IndicatorProposalQueries
{
    /// <summary>Proposals the user may see: every province's for the Ministry, their own province's for its administrators.</summary>
    public static IQueryable<IndicatorProposal> Visible(this IQueryable<IndicatorProposal> query, AccessScope scope)
    {
        if (scope.ReadsAllIndicatorProposals) return query;
        var provinces = scope.AdministeredProvinces.ToList();
        return query.Where(p => provinces.Contains(p.ProvinceCode));
    }

    public static async Task<List<IndicatorProposalDto>> ListAsync(EcomPlanDbContext db, AccessScope scope, CancellationToken ct, int? id = null, ProposalStatus? status = null)
    {
        var query = db.IndicatorProposals.AsNoTracking().Visible(scope);
        if (id is not null) query = query.Where(p => p.Id == id);
        if (status is not null) query = query.Where(p => p.Status == status);
        var rows = await query.OrderByDescending(p => p.Id).ToListAsync(ct);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        return rows.Select(p => new IndicatorProposalDto(p.Id, p.ProvinceCode, provinces.GetValueOrDefault(p.ProvinceCode) ?? p.ProvinceCode, p.ProposedByName,
            p.ProposedAt, p.Reason, p.ToDraft(), p.Status, p.DecidedByName, p.DecidedAt, p.DecisionReason, p.IndicatorCode)).ToList();
    }
}
