using System.Globalization;
using System.Text.Json;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Reporting;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.Audit;

/// <summary>One changed field of an audit entry as an official reads it: the field's Vietnamese name, before and after.</summary>
public sealed record AuditFieldChange(string Field, string? Old, string? New);

/// <summary>
/// The audit trail stores entity and property names and JSON values, as the interceptor sees them. These pure
/// functions turn them into Vietnamese for the page: what kind of record, which fields changed, from what to what.
/// </summary>
public static class AuditReading
{
    /// <summary>Every entity the trail can name (a test checks the model has no entity missing here).</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityNames = new Dictionary<string, string>
    {
        ["Region"] = "Vùng", ["Province"] = "Tỉnh, thành phố", ["Commune"] = "Xã, phường", ["Agency"] = "Cơ quan",
        ["Plan"] = "Kế hoạch", ["PlanStatement"] = "Quan điểm, mục tiêu tổng quát", ["TargetGroup"] = "Nhóm chỉ tiêu", ["Target"] = "Chỉ tiêu",
        ["TargetReference"] = "Trích dẫn khác của chỉ tiêu", ["TargetMonitor"] = "Cơ quan theo dõi chỉ tiêu", ["TaskGroup"] = "Nhóm nhiệm vụ",
        ["PlanTask"] = "Nhiệm vụ", ["TaskAgency"] = "Cơ quan thực hiện nhiệm vụ", ["PlanVersion"] = "Phiên bản kế hoạch", ["PlanFile"] = "Tệp của kế hoạch",
        ["PlanImport"] = "Nhập kế hoạch", ["ValueImport"] = "Nhập số liệu", ["RoleAssignment"] = "Phân quyền", ["Invitation"] = "Lời mời", ["PersonalAccessToken"] = "Mã truy cập API",
        ["AppUser"] = "Người dùng", ["IdentityUserToken`1"] = "Khóa xác thực của người dùng", ["IdentityUserClaim`1"] = "Thuộc tính người dùng",
        ["IdentityUserLogin`1"] = "Đăng nhập ngoài của người dùng", ["IdentityRole`1"] = "Nhóm quyền", ["IdentityUserRole`1"] = "Nhóm quyền của người dùng",
        ["IdentityRoleClaim`1"] = "Thuộc tính nhóm quyền", ["AuditEntry"] = "Nhật ký",
        ["Indicator"] = "Chỉ số", ["IndicatorCatalogue"] = "Danh mục chỉ số", ["DataElement"] = "Thành phần số liệu", ["DataValue"] = "Số liệu",
        ["IndicatorProposal"] = "Đề xuất chỉ số", ["QualitativeAssessment"] = "Đánh giá chỉ tiêu định tính",
        ["ReportingRegime"] = "Chế độ báo cáo", ["ReportingRuleRow"] = "Quy định kỳ báo cáo", ["ReportCycle"] = "Kỳ báo cáo", ["Report"] = "Báo cáo",
        ["TaskProgress"] = "Tiến độ nhiệm vụ trong báo cáo", ["ReportVersion"] = "Bản đã gửi của báo cáo", ["ReportAttachment"] = "Tệp đính kèm báo cáo",
        ["ReminderDelivery"] = "Thư nhắc", ["ConsolidatedReport"] = "Báo cáo tổng hợp",
        // Notifications are delivery records, not business data: never audited (SuppressAudit), named for completeness.
        ["Notification"] = "Thông báo",
    };

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        ["Id"] = "Mã", ["Code"] = "Mã", ["Name"] = "Tên", ["NameVi"] = "Tên", ["NameEn"] = "Tên tiếng Anh", ["FullName"] = "Họ tên / tên đầy đủ",
        ["Title"] = "Tên", ["Text"] = "Nội dung", ["Kind"] = "Loại", ["Type"] = "Loại", ["Level"] = "Cấp", ["Status"] = "Trạng thái", ["State"] = "Tình trạng",
        ["Value"] = "Giá trị", ["Min"] = "Thấp nhất", ["Max"] = "Cao nhất", ["Exclusive"] = "Không tính mức biên", ["Tolerance"] = "Dung sai",
        ["Unit"] = "Đơn vị tính", ["UnitCode"] = "Địa bàn", ["UnitName"] = "Địa bàn", ["Of"] = "Tính trên", ["DeadlineYear"] = "Năm phải đạt",
        ["Indicator"] = "Chỉ số", ["IndicatorCode"] = "Chỉ số", ["Key"] = "Số hiệu", ["Number"] = "Số thứ tự", ["Group"] = "Nhóm", ["GroupId"] = "Nhóm",
        ["Order"] = "Thứ tự", ["PlanId"] = "Kế hoạch", ["ProvinceCode"] = "Tỉnh, thành phố", ["CommuneCode"] = "Xã, phường", ["RegionCode"] = "Vùng",
        ["AgencyId"] = "Cơ quan", ["Agency"] = "Cơ quan", ["Role"] = "Vai trò", ["UserId"] = "Người dùng", ["UserName"] = "Tên đăng nhập", ["Email"] = "Thư điện tử",
        ["TargetId"] = "Chỉ tiêu", ["TaskId"] = "Nhiệm vụ", ["ReportId"] = "Báo cáo", ["CycleId"] = "Kỳ báo cáo",
        ["PeriodStart"] = "Năm bắt đầu kỳ", ["PeriodEnd"] = "Năm kết thúc kỳ", ["StartYear"] = "Năm bắt đầu", ["EndYear"] = "Năm kết thúc",
        ["Timeframe"] = "Thời gian thực hiện", ["Year"] = "Năm", ["Period"] = "Kỳ số liệu", ["Date"] = "Ngày",
        ["DocumentNumber"] = "Số văn bản", ["DocumentDate"] = "Ngày văn bản", ["IssuingBody"] = "Cơ quan ban hành", ["IsPublic"] = "Công khai",
        ["EffectiveDate"] = "Ngày có hiệu lực", ["EffectiveFrom"] = "Hiệu lực từ", ["Reason"] = "Lý do", ["DecisionReason"] = "Lý do quyết định",
        ["NationalPlanId"] = "Kế hoạch quốc gia", ["SourceKind"] = "Loại nguồn", ["SourceNote"] = "Ghi chú nguồn", ["SourceDocument"] = "Văn bản nguồn",
        ["Source"] = "Nguồn", ["SourceUrl"] = "Đường dẫn nguồn", ["Line"] = "Dòng trong văn bản", ["Note"] = "Ghi chú", ["Qualifier"] = "Tính chất số liệu",
        ["BaselineValue"] = "Giá trị gốc", ["BaselineYear"] = "Năm gốc", ["BaselineLine"] = "Dòng giá trị gốc", ["ResultValue"] = "Kết quả",
        ["ResultYear"] = "Năm kết quả", ["ResultLine"] = "Dòng kết quả", ["ResultText"] = "Kết quả (lời văn)", ["IsConflict"] = "Mâu thuẫn",
        ["Definition"] = "Định nghĩa", ["Direction"] = "Chiều tốt", ["PeriodType"] = "Kỳ", ["Numerator"] = "Tử số", ["Denominator"] = "Mẫu số",
        ["Rollup"] = "Cách tổng hợp", ["RollupCondition"] = "Điều kiện tổng hợp", ["Concept"] = "Khái niệm", ["Factor"] = "Hệ số", ["Origin"] = "Nguồn gốc",
        ["Percent"] = "% hoàn thành", ["Results"] = "Kết quả thực hiện", ["Difficulties"] = "Khó khăn", ["Proposals"] = "Kiến nghị", ["Summary"] = "Tóm tắt",
        ["Introduction"] = "Mở đầu", ["Evidence"] = "Minh chứng", ["Assessment"] = "Đánh giá", ["Outcome"] = "Kết quả đánh giá",
        ["Due"] = "Hạn", ["DueDay"] = "Ngày hạn", ["DueMonth"] = "Tháng hạn", ["CutOff"] = "Ngày chốt số liệu", ["CutOffDay"] = "Ngày chốt",
        ["CutOffMonth"] = "Tháng chốt", ["Opens"] = "Ngày mở", ["OpensDaysBefore"] = "Mở trước hạn (ngày)", ["RemindDaysBefore"] = "Nhắc trước hạn (ngày)",
        ["AgenciesReport"] = "Cơ quan báo cáo", ["CommunesReport"] = "Xã, phường báo cáo", ["Label"] = "Tên kỳ", ["Phase"] = "Giai đoạn", ["Version"] = "Phiên bản",
        ["ReviewComment"] = "Ý kiến khi xem xét", ["ReviewedAt"] = "Lúc xem xét", ["ReviewedBy"] = "Người xem xét", ["SubmittedAt"] = "Lúc gửi",
        ["SubmittedBy"] = "Người gửi", ["FirstSubmittedAt"] = "Lần gửi đầu", ["AcceptedAt"] = "Lúc chấp nhận", ["EnteredBy"] = "Người nhập", ["ReturnReason"] = "Lý do trả lại", ["ReturnedBy"] = "Người trả lại", ["ReturnedAt"] = "Lúc trả lại",
        ["CreatedAt"] = "Lúc tạo", ["CreatedBy"] = "Người tạo", ["UpdatedAt"] = "Lúc sửa", ["OpenedAt"] = "Lúc mở", ["OpenedBy"] = "Người mở",
        ["IssuedAt"] = "Lúc ban hành", ["FinalizedAt"] = "Lúc ban hành báo cáo", ["FinalizedBy"] = "Người ban hành", ["DecidedAt"] = "Lúc quyết định",
        ["DecidedBy"] = "Người quyết định", ["DecidedByName"] = "Người quyết định", ["ProposedAt"] = "Lúc đề xuất", ["ProposedBy"] = "Người đề xuất",
        ["ProposedByName"] = "Người đề xuất", ["AssessedAt"] = "Lúc đánh giá", ["AssessedBy"] = "Người đánh giá", ["UploadedAt"] = "Lúc tải lên",
        ["UploadedBy"] = "Người tải lên", ["SentAt"] = "Lúc gửi thư", ["Recipient"] = "Người nhận", ["Recipients"] = "Nơi nhận",
        ["SignerName"] = "Người ký", ["SignerTitle"] = "Chức vụ người ký", ["FileName"] = "Tên tệp", ["ContentType"] = "Loại tệp", ["Size"] = "Dung lượng",
        ["Sha256"] = "Mã băm SHA-256", ["Content"] = "Nội dung tệp", ["ExpiresAt"] = "Hết hạn", ["RevokedAt"] = "Lúc thu hồi", ["LastUsedAt"] = "Dùng lần cuối",
        ["UsedAt"] = "Lúc dùng", ["ClaimedAt"] = "Lúc nhận", ["InvitedBy"] = "Người mời", ["Prefix"] = "Tiền tố", ["TokenHash"] = "Mã băm",
        ["MustChangePassword"] = "Phải đổi mật khẩu", ["PasswordHash"] = "Mật khẩu (mã băm)", ["SecurityStamp"] = "Dấu bảo mật", ["LockoutEnd"] = "Khóa đến",
        ["AccessFailedCount"] = "Số lần sai mật khẩu", ["TwoFactorEnabled"] = "Xác thực hai lớp", ["EmailConfirmed"] = "Đã xác nhận thư",
        ["IsCurrent"] = "Đang dùng", ["IsFinal"] = "Bản cuối", ["IsIllustrative"] = "Minh họa", ["Issued"] = "Đã ban hành", ["Done"] = "Xong",
        ["Draft"] = "Bản nháp", ["Population"] = "Dân số", ["AreaKm2"] = "Diện tích (km²)", ["MinistryEditedFields"] = "Trường Bộ đã sửa",
        ["OpenAmendmentId"] = "Bản sửa đổi đang mở", ["NewValues"] = "Giá trị mới", ["OldValues"] = "Giá trị cũ", ["Related"] = "Chỉ số liên quan",
        ["FinalDocx"] = "Bản ban hành (DOCX)", ["FinalXlsx"] = "Bản ban hành (XLSX)", ["LockoutEnabled"] = "Cho phép tạm khóa",
        ["PhoneNumber"] = "Số điện thoại", ["PhoneNumberConfirmed"] = "Đã xác nhận số điện thoại", ["Action"] = "Thao tác", ["At"] = "Lúc",
        ["EntityId"] = "Số hiệu bản ghi", ["EntityType"] = "Loại bản ghi", ["IpAddress"] = "Địa chỉ IP", ["NormalizedName"] = "Tên chuẩn hóa",
        ["ClaimType"] = "Loại thuộc tính", ["ClaimValue"] = "Giá trị thuộc tính", ["RoleId"] = "Nhóm quyền", ["LoginProvider"] = "Nơi đăng nhập",
        ["ProviderKey"] = "Mã ở nơi đăng nhập", ["ProviderDisplayName"] = "Tên nơi đăng nhập",
        ["Link"] = "Liên kết", ["ReadAt"] = "Lúc đọc",
        // What one import of values or of a plan wrote (one audit entry for the whole file).
        ["File"] = "Tệp", ["Rows"] = "Số dòng", ["Written"] = "Số giá trị đã ghi", ["Unchanged"] = "Không thay đổi", ["Approved"] = "Được duyệt ngay",
        ["Submitted"] = "Chờ duyệt", ["Drafts"] = "Lưu nháp", ["Replaced"] = "Thay phiên bản trước", ["Confirmed"] = "Giá trị bất thường đã xác nhận",
        ["Indicators"] = "Chỉ số", ["Periods"] = "Kỳ", ["Targets"] = "Số chỉ tiêu", ["Tasks"] = "Số nhiệm vụ", ["TargetGroups"] = "Số nhóm chỉ tiêu",
        ["TaskGroups"] = "Số nhóm nhiệm vụ", ["CreateAgencies"] = "Tạo cơ quan mới",
    };

    /// <summary>Fields an official has no use for in a list of changes: keys, concurrency counters, search copies.</summary>
    private static readonly HashSet<string> Unshown = ["Id", "Revision", "SearchText", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName"];

    private static readonly Dictionary<Type, Func<object, string>> EnumLabels = new()
    {
        [typeof(TargetKind)] = v => TargetText.KindName((TargetKind)v),
        [typeof(UserRole)] = v => RoleRequests.RoleName((UserRole)v),
        [typeof(ReportStatus)] = v => ReportWorkflow.Label((ReportStatus)v),
        [typeof(TaskState)] = v => ReportWorkflow.Label((TaskState)v),
        [typeof(ReportKind)] = v => ReportWorkflow.Label((ReportKind)v),
        [typeof(PlanSourceKind)] = v => PlanDiff.SourceName((PlanSourceKind)v),
        [typeof(PlanStatus)] = v => (PlanStatus)v == PlanStatus.Approved ? "Đã ban hành" : "Dự thảo",
        [typeof(PlanLevel)] = v => (PlanLevel)v == PlanLevel.National ? "Quốc gia" : "Tỉnh",
        [typeof(AgencyRole)] = v => (AgencyRole)v == AgencyRole.Lead ? "Chủ trì" : "Phối hợp",
        [typeof(StatementKind)] = v => (StatementKind)v == StatementKind.Viewpoint ? "Quan điểm" : "Mục tiêu tổng quát",
        [typeof(ValueStatus)] = v => (ValueStatus)v switch { ValueStatus.Approved => "Đã duyệt", ValueStatus.Submitted => "Chờ duyệt", _ => "Nháp" },
        [typeof(ProposalStatus)] = v => (ProposalStatus)v switch { ProposalStatus.Accepted => "Đã chấp nhận", ProposalStatus.Refused => "Đã từ chối", _ => "Chờ xem xét" },
    };

    public static string EntityName(string type) => EntityNames.GetValueOrDefault(type, type);

    public static string FieldName(string property) => FieldNames.GetValueOrDefault(property, property);

    public static bool HasFieldName(string property) => FieldNames.ContainsKey(property) || Unshown.Contains(property);

    public static string ActionName(string action) => action switch
    {
        "Added" => "Thêm", "Modified" => "Sửa", "Deleted" => "Xóa", "Seeded" => "Nạp dữ liệu ban đầu", "Upserted" => "Cập nhật từ tệp",
        "Imported" => "Nhập từ tệp", _ => action,
    };

    /// <summary>
    /// The fields an entry changed, old → new. A new record lists what it was created with, a deleted one what it held;
    /// <paramref name="typeOf"/> gives a field's type (from the EF model) so an enum is shown by its Vietnamese label.
    /// </summary>
    public static IReadOnlyList<AuditFieldChange> Changes(string action, string? oldJson, string? newJson, Func<string, Type?>? typeOf = null)
    {
        var old = Parse(oldJson);
        var @new = Parse(newJson);
        var fields = @new.Keys.Concat(old.Keys).Distinct().Where(f => !Unshown.Contains(f));
        var changes = new List<AuditFieldChange>();
        foreach (var field in fields)
        {
            var type = typeOf?.Invoke(field);
            var before = old.TryGetValue(field, out var o) ? Show(o, type) : null;
            var after = @new.TryGetValue(field, out var n) ? Show(n, type) : null;
            // A record created or removed: its empty fields say nothing.
            if (action is "Added" or "Deleted" && before is null && after is null) continue;
            changes.Add(new AuditFieldChange(FieldName(field), before, after));
        }
        return changes;
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : new() { ["(giá trị)"] = doc.RootElement.Clone() };
        }
        catch (JsonException)
        {
            // Entries written by hand (start-up summaries) may hold plain text.
            return new() { ["(ghi chú)"] = JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement.Clone() };
        }
    }

    /// <summary>A stored value in Vietnamese conventions: dd/MM/yyyy, 60,82, Có/Không, enum labels; null is not shown.</summary>
    public static string? Show(JsonElement value, Type? type = null)
    {
        var enumType = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.True: return "Có";
            case JsonValueKind.False: return "Không";
            case JsonValueKind.Number:
                if (enumType is { IsEnum: true } && value.TryGetInt32(out var n)) return EnumLabel(enumType, Enum.ToObject(enumType, n));
                // Years and ids stay as written (2030, not 2.030); amounts take the Vietnamese form (60,82; 1.000.000).
                if (!value.TryGetDecimal(out var d)) return value.GetRawText();
                var isAmount = enumType == typeof(decimal) || enumType == typeof(double) || d != decimal.Truncate(d);
                return isAmount ? VietnameseText.FormatNumber(d) : d.ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.String:
                var s = value.GetString()!;
                if (enumType is { IsEnum: true } && Enum.TryParse(enumType, s, out var e)) return EnumLabel(enumType, e!);
                if (s.Length >= 19 && s[10] == 'T' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                    return VietnameseText.FormatDateTime(at);
                if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return VietnameseText.FormatDate(day);
                return s;
            case JsonValueKind.Array:
                return string.Join("; ", value.EnumerateArray().Select(v => Show(v)).OfType<string>());
            default:
                return string.Join("; ", value.EnumerateObject().Select(p => $"{FieldName(p.Name)}: {Show(p.Value) ?? "(trống)"}"));
        }
    }

    private static string EnumLabel(Type type, object value) => EnumLabels.TryGetValue(type, out var label) ? label(value) : value.ToString()!;
}
