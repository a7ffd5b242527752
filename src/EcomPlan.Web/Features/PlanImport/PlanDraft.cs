using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;

namespace EcomPlan.Web.Features.PlanImport;

/// <summary>
/// What the person importing a text states on the form: where the plan belongs ("Đồng Tháp", "Tỉnh Đồng Tháp"; no
/// province for a national plan) and what the text is: the original or a provisional source, said by the person, never
/// assumed from the text, with a note saying what the source is. The rest comes from the text; a title, period or
/// issuing body given here wins over what the text says.
/// </summary>
public sealed record TextImportChoices(
    PlanLevel Level, string? ProvinceCode, string? ProvinceName, string? ProvinceFullName, PlanSourceKind SourceKind, string? SourceNote,
    string? Title = null, int? PeriodStart = null, int? PeriodEnd = null, string? IssuingBody = null);

/// <summary>The catalogue as the import needs it: the suggester's entries and the direction of each indicator.</summary>
public sealed record ImportCatalogue(IReadOnlyList<IndicatorEntry> Entries, IReadOnlyDictionary<string, string> Directions)
{
    public static ImportCatalogue From(IEnumerable<Indicator> indicators)
    {
        var list = indicators.ToList();
        return new(list.Select(IndicatorEntry.From).ToList(), list.ToDictionary(i => i.Code, i => i.Direction));
    }
}

/// <summary>
/// A target as it will be written, the item it was read from, the indicator suggested for it with its score (null: none
/// passed the threshold) and its doubts: what is uncertain or was changed from the reading, in Vietnamese.
/// </summary>
public sealed record TargetDraft(TargetContent Content, TargetItem Item, IndicatorSuggestion? Suggestion, IReadOnlyList<string> Doubts);

public sealed record TaskDraft(TaskContent Content, TaskItem Item, IReadOnlyList<string> Doubts);

/// <summary>A plan content read from a text, item by item with its doubts, and the warnings of the whole reading.</summary>
public sealed record PlanDraft(PlanContent Content, IReadOnlyList<TargetDraft> Targets, IReadOnlyList<TaskDraft> Tasks, IReadOnlyList<string> Warnings);
