namespace EcomPlan.Web.Features.PlanImport;

/// <summary>What a plan's text says, item by item, each with the 1-based line it starts on.</summary>
/// <param name="Metadata">Number, date, issuing body and period, when the text states them.</param>
/// <param name="Viewpoints">Quan điểm.</param>
/// <param name="Objectives">Mục tiêu tổng quát.</param>
/// <param name="Targets">Specific targets: from the body, and from a target annex when the body does not state them.</param>
/// <param name="Evaluation">The previous period's targets and results, when the text evaluates it.</param>
/// <param name="Tasks">Tasks of the annexes.</param>
/// <param name="Warnings">What the reader could not read with confidence, in Vietnamese.</param>
public sealed record PlanText(
    PlanMetadata Metadata,
    IReadOnlyList<TextItem> Viewpoints,
    IReadOnlyList<TextItem> Objectives,
    IReadOnlyList<TargetItem> Targets,
    EvaluatedPeriod? Evaluation,
    IReadOnlyList<TaskItem> Tasks,
    IReadOnlyList<string> Warnings);

/// <param name="DocumentNumber">"244/KH-UBND", "953/QĐ-UBND".</param>
/// <param name="DocumentDate">"ngày 12 tháng 9 năm 2025" or "12/9/2025".</param>
/// <param name="IssuingBody">"Ủy ban nhân dân tỉnh Khánh Hòa", "Thủ tướng Chính phủ".</param>
/// <param name="PeriodStart">First year of "giai đoạn 2026 - 2030".</param>
/// <param name="PeriodEnd">Last year of the period.</param>
/// <param name="Title">The plan's name as the text gives it.</param>
public sealed record PlanMetadata(string? DocumentNumber, DateOnly? DocumentDate, string? IssuingBody, int? PeriodStart, int? PeriodEnd, string? Title);

public sealed record TextItem(string Text, int Line);

/// <summary>A heading grouping items: "2.1" "Về hoàn thiện môi trường…", or an annex's "I" "Thể chế".</summary>
public sealed record ItemGroup(string Code, string Title, int Line);

/// <summary>
/// One specific target. <paramref name="Text"/> is the clause stating it; <paramref name="Statement"/> the whole
/// item it comes from (one item can state several targets: "tăng 25%/năm, đạt 35 tỷ USD, chiếm 10%").
/// </summary>
/// <param name="Text">The clause stating this target.</param>
/// <param name="Statement">The whole item, broken lines joined.</param>
/// <param name="Line">Line where the item starts.</param>
/// <param name="Group">The heading grouping it, if any.</param>
/// <param name="Reading">What it requires.</param>
/// <param name="Source">Where it was read: "Mục tiêu cụ thể", "Phụ lục 1", "Đánh giá kết quả".</param>
/// <param name="MonitoringAgencies">Units the annex names to monitor it.</param>
/// <param name="Annex">The same target as an annex states it, when one does (its value may differ).</param>
/// <param name="Result">For an evaluated period: what the text reports as achieved.</param>
public sealed record TargetItem(
    string Text, string Statement, int Line, ItemGroup? Group, TargetReading Reading, string Source,
    IReadOnlyList<string> MonitoringAgencies, AnnexStatement? Annex, TargetResult? Result);

/// <summary>An annex row stating a body target again; <paramref name="Agrees"/> is false when its value differs.</summary>
public sealed record AnnexStatement(string Text, int Line, TargetReading Reading, bool Agrees);

/// <summary>An achieved value the text reports ("đạt 60,82%"); Value is null for "đạt mục tiêu đề ra".</summary>
public sealed record TargetResult(decimal? Value, string Text, int Line);

/// <summary>The previous period the text evaluates ("Đánh giá kết quả … giai đoạn 2021 - 2025").</summary>
public sealed record EvaluatedPeriod(int? PeriodStart, int? PeriodEnd, int Line, IReadOnlyList<TargetItem> Targets);

/// <summary>A task (nhiệm vụ) of an annex.</summary>
/// <param name="Number">The document's numbering ("1", "a"), null when the rows are not numbered.</param>
/// <param name="Text">The task, broken lines joined.</param>
/// <param name="Line">Line where the task's text starts.</param>
/// <param name="Group">Its group: the annex's "I" "Thể chế", or the lead agency heading a block of rows.</param>
/// <param name="Lead">Cơ quan chủ trì, as the document names them; empty when it names none.</param>
/// <param name="Coordinating">Cơ quan phối hợp.</param>
/// <param name="StartYear">From "2026 - 2030" or a start column.</param>
/// <param name="EndYear">From "2026 - 2030" or an end column.</param>
/// <param name="Timeframe">The document's words: "2026 - 2030", "Hằng năm", "Thường xuyên".</param>
/// <param name="Source">The annex: "Phụ lục 1".</param>
public sealed record TaskItem(
    string? Number, string Text, int Line, ItemGroup? Group, IReadOnlyList<string> Lead, IReadOnlyList<string> Coordinating,
    int? StartYear, int? EndYear, string? Timeframe, string Source);
