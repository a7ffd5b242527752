namespace EcomPlan.Web.Features.Reporting;

/// <summary>
/// A plan's reporting regime (chế độ báo cáo): which reports are due when, and who reports. Set by the plan's owner
/// (the Department for a provincial plan, the Ministry for a national one).
/// </summary>
public sealed class ReportingRegime
{
    public required string PlanId { get; set; }
    /// <summary>The plan's province, so audit entries fall in it.</summary>
    public string? ProvinceCode { get; set; }
    /// <summary>Cycles due before this day are not opened (a regime set mid-year starts with the next one).</summary>
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Agencies leading a task or monitoring a target report (các sở, ban, ngành).</summary>
    public bool AgenciesReport { get; set; }
    /// <summary>Every commune of the province reports (UBND các xã, phường).</summary>
    public bool CommunesReport { get; set; }
    /// <summary>Reminders go out this many days before the due date.</summary>
    public int RemindDaysBefore { get; set; } = 5;
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ReportingRuleRow> Rules { get; set; } = [];
}

/// <summary>One kind of report of a regime, stored (see <see cref="ReportRule"/> for the calendar).</summary>
public sealed class ReportingRuleRow
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public ReportKind Kind { get; set; }
    public int DueMonth { get; set; }
    public int DueDay { get; set; }
    public int CutOffMonth { get; set; }
    public int CutOffDay { get; set; }
    public int OpensDaysBefore { get; set; }

    public ReportRule ToRule() => new(Kind, DueMonth, DueDay, CutOffMonth, CutOffDay, OpensDaysBefore);
}

/// <summary>An opened reporting cycle (kỳ báo cáo) of a plan, with the reports it expects.</summary>
public sealed class ReportCycle
{
    public int Id { get; set; }
    public required string PlanId { get; set; }
    public string? ProvinceCode { get; set; }
    /// <summary>"SixMonthly-2026", "Yearly-2026", "AdHoc-2026-1": unique per plan, so a cycle is opened once.</summary>
    public required string Key { get; set; }
    public ReportKind Kind { get; set; }
    public int Year { get; set; }
    public required string Label { get; set; }
    public DateOnly Opens { get; set; }
    public DateOnly CutOff { get; set; }
    public DateOnly Due { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public List<Report> Reports { get; set; } = [];
}

/// <summary>Where a report stands. See <see cref="ReportWorkflow"/> for the allowed steps.</summary>
public enum ReportStatus
{
    /// <summary>Chưa bắt đầu.</summary>
    NotStarted,
    /// <summary>Đang soạn.</summary>
    Draft,
    /// <summary>Đã gửi, chờ Sở xem xét.</summary>
    Submitted,
    /// <summary>Bị trả lại để sửa.</summary>
    Returned,
    /// <summary>Đã chấp nhận (khóa).</summary>
    Accepted,
}

/// <summary>The report one agency or one commune owes for a cycle.</summary>
public sealed class Report
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public ReportCycle? Cycle { get; set; }
    public string? ProvinceCode { get; set; }
    public int? AgencyId { get; set; }
    public string? CommuneCode { get; set; }
    /// <summary>The reporting unit's name when the cycle opened, for lists and e-mails.</summary>
    public required string UnitName { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>Kết quả chung.</summary>
    public string? Summary { get; set; }
    /// <summary>Khó khăn, vướng mắc.</summary>
    public string? Difficulties { get; set; }
    /// <summary>Kiến nghị, đề xuất.</summary>
    public string? Proposals { get; set; }
    /// <summary>The last reviewer's comment when returned or reopened: the reporter sees why.</summary>
    public string? ReviewComment { get; set; }
    public DateTimeOffset? FirstSubmittedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>Incremented on every save: a form posted from an older copy is refused (no lost update).</summary>
    public int Revision { get; set; }
    public List<TaskProgress> Tasks { get; set; } = [];
    public List<ReportAttachment> Attachments { get; set; } = [];
    public List<ReportVersion> Versions { get; set; } = [];
}

/// <summary>Tình trạng thực hiện nhiệm vụ.</summary>
public enum TaskState
{
    /// <summary>Chưa triển khai.</summary>
    NotStarted,
    /// <summary>Đang thực hiện.</summary>
    InProgress,
    /// <summary>Hoàn thành.</summary>
    Done,
    /// <summary>Chậm tiến độ.</summary>
    Late,
    /// <summary>Dừng thực hiện.</summary>
    Stopped,
}

/// <summary>A reporter's account of one task they lead, in one report.</summary>
public sealed class TaskProgress
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int TaskId { get; set; }
    public TaskState State { get; set; }
    public int Percent { get; set; }
    public string? Results { get; set; }
    public string? Difficulties { get; set; }
}

/// <summary>A submitted version of a report, kept forever with the review it received.</summary>
public sealed class ReportVersion
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
    /// <summary>The report as submitted (<see cref="ReportSnapshot"/> as JSON).</summary>
    public required string Content { get; set; }
    public ReportStatus? Outcome { get; set; }
    public string? ReviewComment { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
}

/// <summary>A file attached to a report (PDF, DOCX, XLSX, PNG, JPEG), checked by content, stored in the database.</summary>
public sealed class ReportAttachment
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
    public byte[] Content { get; set; } = [];
}

public enum ReminderKind
{
    /// <summary>Nhắc trước hạn.</summary>
    BeforeDue,
    /// <summary>Nhắc quá hạn.</summary>
    Overdue,
    /// <summary>Tổng hợp gửi Sở.</summary>
    Summary,
}

/// <summary>
/// A reminder claimed for sending. The unique <see cref="Key"/> is the guarantee that a reminder goes out once, also
/// when the job runs twice or on two instances at the same time: only the instance whose insert succeeds sends.
/// </summary>
public sealed class ReminderDelivery
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public int CycleId { get; set; }
    public int? ReportId { get; set; }
    public ReminderKind Kind { get; set; }
    public required string Recipient { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>
/// The consolidated report (báo cáo tổng hợp) of a province's cycle, or the Ministry's national roll-up of a year:
/// the editable parts of the official document; tables come from the data until it is made final.
/// </summary>
public sealed class ConsolidatedReport
{
    public int Id { get; set; }
    /// <summary>"cycle-12" or "national-2026".</summary>
    public required string Key { get; set; }
    public int? CycleId { get; set; }
    public int? Year { get; set; }
    public string? ProvinceCode { get; set; }
    public string? Number { get; set; }
    public DateOnly Date { get; set; }
    public string? Introduction { get; set; }
    public string? Assessment { get; set; }
    public string? Proposals { get; set; }
    public string? Recipients { get; set; }
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }
    public bool IsFinal { get; set; }
    public DateTimeOffset? FinalizedAt { get; set; }
    public string? FinalizedBy { get; set; }
    /// <summary>The documents as made final: what was issued does not change when data changes later.</summary>
    public byte[]? FinalDocx { get; set; }
    public byte[]? FinalXlsx { get; set; }
    public int Revision { get; set; }
}
