using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.PlanAuthoring.Pages;

/// <summary>The plan's own fields as the form posts them, as typed.</summary>
public sealed class PlanDetailsForm
{
    public string? Title { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? DocumentNumber { get; set; }
    public string? DocumentDate { get; set; }
    public string? IssuingBody { get; set; }
    public string? SourceKind { get; set; }
    public string? SourceNote { get; set; }
    public string? Note { get; set; }
    public bool IsPublic { get; set; }
    public int? Revision { get; set; }

    public static PlanDetailsForm From(PlanDetail p, int revision, PlanSourceKind source, string? sourceNote) => new()
    {
        Title = p.Title, PeriodStart = p.PeriodStart.ToString(), PeriodEnd = p.PeriodEnd.ToString(), DocumentNumber = p.DocumentNumber,
        DocumentDate = FormValues.Show(p.DocumentDate), IssuingBody = p.IssuingBody, SourceKind = source.ToString(), SourceNote = sourceNote,
        Note = p.Note, IsPublic = p.IsPublic, Revision = revision,
    };

    /// <summary>Everything as a PATCH: empty texts clear optional fields (sent as ""), required ones are checked by the use case.</summary>
    public (UpdatePlan.Request Request, Dictionary<string, string[]> Errors) ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        PlanSourceKind? kind = Enum.TryParse<PlanSourceKind>(SourceKind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) errors["sourceKind"] = ["Chọn nguồn của kế hoạch."];
        return (new UpdatePlan.Request(Revision, Title ?? "", FormValues.Year(PeriodStart, "periodStart", "Năm bắt đầu", errors),
            FormValues.Year(PeriodEnd, "periodEnd", "Năm kết thúc", errors), DocumentNumber ?? "", FormValues.Date(DocumentDate, "documentDate", "Ngày văn bản", errors),
            IssuingBody ?? "", kind, SourceNote ?? "", Note ?? "", IsPublic: IsPublic), errors);
    }
}

/// <summary>The amending decision as the form posts it.</summary>
public sealed class AmendmentForm
{
    public string? DocumentNumber { get; set; }
    public string? DocumentDate { get; set; }
    public string? EffectiveDate { get; set; }
    public string? Reason { get; set; }

    public (PlanVersions.AmendmentRequest Request, Dictionary<string, string[]> Errors) ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        return (new PlanVersions.AmendmentRequest(DocumentNumber, FormValues.Date(DocumentDate, "documentDate", "Ngày quyết định", errors),
            FormValues.Date(EffectiveDate, "effectiveDate", "Ngày có hiệu lực", errors), Reason), errors);
    }
}

/// <summary>The new plan form, as typed.</summary>
public sealed class NewPlanForm
{
    public string? ProvinceCode { get; set; }
    public string? Title { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? IssuingBody { get; set; }
    public string? DocumentNumber { get; set; }
    public string? DocumentDate { get; set; }
    public string? SourceKind { get; set; }
    public string? SourceNote { get; set; }
    public bool Derive { get; set; }

    /// <summary>The request, with the national targets kept and the province's values typed for them (empty: the national value).</summary>
    public (CreatePlan.Request Request, Dictionary<string, string[]> Errors) ToRequest(string? nationalId,
        IReadOnlyList<(string Key, string? Value, string? Min, string? Max)>? targets)
    {
        var errors = new Dictionary<string, string[]>();
        Plans.PlanSourceKind? kind = Enum.TryParse<Plans.PlanSourceKind>(SourceKind, out var k) && Enum.IsDefined(k) ? k : null;
        var derived = targets?.Select(t => new CreatePlan.DerivedTarget(t.Key,
            FormValues.Number(t.Value, $"targets[{t.Key}].value", $"Giá trị của chỉ tiêu {t.Key}", errors),
            FormValues.Number(t.Min, $"targets[{t.Key}].value", $"Giá trị thấp nhất của chỉ tiêu {t.Key}", errors),
            FormValues.Number(t.Max, $"targets[{t.Key}].value", $"Giá trị cao nhất của chỉ tiêu {t.Key}", errors))).ToList();
        return (new CreatePlan.Request(string.IsNullOrEmpty(ProvinceCode) ? null : ProvinceCode, Title,
            FormValues.Year(PeriodStart, "periodStart", "Năm bắt đầu", errors), FormValues.Year(PeriodEnd, "periodEnd", "Năm kết thúc", errors),
            DocumentNumber, FormValues.Date(DocumentDate, "documentDate", "Ngày văn bản", errors), IssuingBody, kind, SourceNote,
            DerivedFrom: Derive ? nationalId : null, Targets: Derive ? derived : null), errors);
    }
}
