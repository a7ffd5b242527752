using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcomPlan.Web.Features.Seeding;

/// <summary>A plan read from its data file: the entity graph, with agencies not yet deduplicated across plans.</summary>
public sealed record PlanFile(string FileName, Plan Plan, IReadOnlyList<Agency> Agencies);

/// <summary>
/// Reads one plan data file (docs/plan-data-format.md) into entities, rejecting anything malformed with
/// the file, the line and the problem. Pure: no database, no other file.
/// </summary>
public static class PlanFileReader
{
    public static readonly IReadOnlyDictionary<string, TargetKind> Kinds = new Dictionary<string, TargetKind>
    {
        ["floor"] = TargetKind.Floor, ["ceiling"] = TargetKind.Ceiling, ["range"] = TargetKind.Range,
        ["growth"] = TargetKind.Growth, ["count"] = TargetKind.Count, ["rank"] = TargetKind.Rank,
        ["share_of_share"] = TargetKind.ShareOfShare, ["qualitative"] = TargetKind.Qualitative,
        ["band"] = TargetKind.Band, ["approximate"] = TargetKind.Approximate,
    };

    public static readonly IReadOnlySet<string> AgencyKinds = new HashSet<string>
    {
        "government", "ministry", "central_agency", "people_committee", "department", "tax", "customs", "police",
        "state_bank", "statistics", "association", "enterprise", "education", "media", "collective", "other",
    };

    private static readonly Dictionary<string, PlanLevel> Levels = new() { ["national"] = PlanLevel.National, ["provincial"] = PlanLevel.Provincial };
    private static readonly Dictionary<string, PlanStatus> Statuses = new() { ["draft"] = PlanStatus.Draft, ["approved"] = PlanStatus.Approved };

    public static readonly IReadOnlyDictionary<string, PlanSourceKind> SourceKinds = new Dictionary<string, PlanSourceKind>
    {
        ["original"] = PlanSourceKind.Original, ["provisional"] = PlanSourceKind.Provisional, ["form_only"] = PlanSourceKind.FormOnly,
    };

    /// <summary>What documentLineCount answers for a file uploaded to the platform: no shipped document to check lines against.</summary>
    public const int AnyDocument = int.MaxValue;

    /// <param name="fileName">Name used in error messages.</param>
    /// <param name="yaml">The file's text.</param>
    /// <param name="documentLineCount">Lines of the plan's source document, by file name; line references are checked against it.</param>
    /// <param name="indicatorKnown">When given, a target naming an indicator it does not know is refused at its line.</param>
    public static PlanFile Read(string fileName, string yaml, Func<string, int?> documentLineCount, Func<string, bool>? indicatorKnown = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PlanFileException(fileName, (int)e.Start.Line, $"YAML không hợp lệ: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new PlanFileException(fileName, 1, "tệp phải chứa đúng một bảng khóa–giá trị mô tả một kế hoạch");

        var f = new YamlFields(fileName, root);
        f.RejectUnknown("id", "title", "level", "provinceCode", "periodStart", "periodEnd", "documentNumber", "documentDate",
            "issuingBody", "status", "isPublic", "sourceDocument", "sourceKind", "sourceNote", "nationalPlan", "note", "viewpoints", "objectives",
            "agencies", "targetGroups", "taskGroups");

        var id = f.ReqString("id");
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9-]{3,64}$"))
            throw f.ErrorAt("id", $"mã kế hoạch '{id}' chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang");
        var level = f.ReqEnum("level", Levels);
        var provinceCode = f.OptString("provinceCode");
        if (level == PlanLevel.Provincial && provinceCode is null) throw f.ErrorAt("level", "kế hoạch cấp tỉnh phải có 'provinceCode'");
        if (level == PlanLevel.National && provinceCode is not null) throw f.ErrorAt("provinceCode", "kế hoạch quốc gia không có 'provinceCode'");
        // A shipped file names its document and every line is checked against it; an uploaded file (documentLineCount
        // answers AnyDocument) may name none, and its lines are then taken as they are (0: typed in a form).
        var sourceDocument = f.OptString("sourceDocument");
        var lineCount = documentLineCount(sourceDocument ?? "") is { } known && (known == AnyDocument || sourceDocument is not null)
            ? known
            : throw f.ErrorAt("sourceDocument", sourceDocument is null ? "thiếu 'sourceDocument'" : $"không tìm thấy văn bản nguồn '{sourceDocument}' trong SeedData/documents");
        var plan = new Plan
        {
            Id = id,
            Title = f.ReqString("title"),
            Level = level,
            ProvinceCode = provinceCode,
            PeriodStart = f.ReqInt("periodStart"),
            PeriodEnd = f.ReqInt("periodEnd"),
            DocumentNumber = f.OptString("documentNumber"),
            DocumentDate = f.OptDate("documentDate"),
            IssuingBody = f.ReqString("issuingBody"),
            Status = f.ReqEnum("status", Statuses),
            IsPublic = f.OptBool("isPublic", true),
            SourceDocument = lineCount == AnyDocument ? null : sourceDocument,
            SourceKind = f.OptString("sourceKind") is { } sk ? SourceKinds.TryGetValue(sk, out var k) ? k
                : throw f.ErrorAt("sourceKind", $"nguồn '{sk}' không hợp lệ (original, provisional, form_only)") : PlanSourceKind.Original,
            SourceNote = f.OptString("sourceNote"),
            NationalPlanId = f.OptString("nationalPlan"),
            Note = f.OptString("note"),
        };
        if (plan.PeriodEnd < plan.PeriodStart) throw f.ErrorAt("periodEnd", "'periodEnd' đứng trước 'periodStart'");

        int CheckLine(YamlFields at, string key = "line")
        {
            var line = at.ReqInt(key);
            return line >= (lineCount == AnyDocument ? 0 : 1) && line <= lineCount
                ? line
                : throw at.ErrorAt(key, $"dòng {line} nằm ngoài văn bản '{sourceDocument}' ({lineCount} dòng)");
        }

        foreach (var (kind, key) in new[] { (StatementKind.Viewpoint, "viewpoints"), (StatementKind.GeneralObjective, "objectives") })
        {
            var order = 0;
            foreach (var s in f.Mappings(key))
            {
                s.RejectUnknown("text", "line");
                plan.Statements.Add(new PlanStatement { PlanId = id, Kind = kind, Order = order++, Text = s.ReqString("text"), Line = CheckLine(s) });
            }
        }

        var agencies = ReadAgencies(f, plan);
        Agency Agency(string name, int line) => agencies.TryGetValue(name, out var a)
            ? a
            : throw f.ErrorAt(line, $"cơ quan '{name}' chưa được khai báo trong 'agencies'");

        var targetKeys = new HashSet<string>();
        var groupOrder = 0;
        foreach (var g in f.Mappings("targetGroups"))
        {
            g.RejectUnknown("code", "title", "targets");
            var group = new TargetGroup { PlanId = id, Code = g.ReqString("code"), Title = g.ReqString("title"), Order = groupOrder++ };
            if (plan.TargetGroups.Any(x => x.Code == group.Code)) throw g.ErrorAt("code", $"nhóm chỉ tiêu '{group.Code}' bị trùng");
            var order = 0;
            foreach (var t in g.Mappings("targets"))
            {
                var target = TargetReader.Read(t, id, order++, CheckLine, Agency, indicatorKnown);
                if (!targetKeys.Add(target.Key)) throw t.ErrorAt("key", $"mã chỉ tiêu '{target.Key}' bị trùng trong kế hoạch");
                group.Targets.Add(target);
            }
            plan.TargetGroups.Add(group);
        }

        groupOrder = 0;
        foreach (var g in f.Mappings("taskGroups"))
        {
            g.RejectUnknown("code", "title", "source", "tasks");
            var group = new TaskGroup { PlanId = id, Code = g.ReqString("code"), Title = g.ReqString("title"), Source = g.OptString("source"), Order = groupOrder++ };
            if (plan.TaskGroups.Any(x => x.Code == group.Code)) throw g.ErrorAt("code", $"nhóm nhiệm vụ '{group.Code}' bị trùng");
            var order = 0;
            foreach (var t in g.Mappings("tasks"))
                group.Tasks.Add(ReadTask(t, id, order++, CheckLine, Agency));
            plan.TaskGroups.Add(group);
        }

        return new PlanFile(fileName, plan, agencies.Values.ToList());
    }

    private static Dictionary<string, Agency> ReadAgencies(YamlFields f, Plan plan)
    {
        var agencies = new Dictionary<string, Agency>();
        foreach (var a in f.Mappings("agencies"))
        {
            a.RejectUnknown("name", "kind", "national");
            var name = a.ReqString("name");
            var kind = a.ReqString("kind");
            if (!AgencyKinds.Contains(kind)) throw a.ErrorAt("kind", $"loại cơ quan '{kind}' không hợp lệ (hợp lệ: {string.Join(", ", AgencyKinds)})");
            var national = plan.Level == PlanLevel.National || a.OptBool("national", false);
            if (!agencies.TryAdd(name, new Agency { Name = name, Kind = kind, ProvinceCode = national ? null : plan.ProvinceCode, SearchText = VietnameseText.Fold(name) }))
                throw a.Error($"cơ quan '{name}' được khai báo hai lần");
        }
        return agencies;
    }

    private static PlanTask ReadTask(YamlFields t, string planId, int order, Func<YamlFields, string, int> line, Func<string, int, Agency> agency)
    {
        t.RejectUnknown("number", "text", "lead", "coordinating", "startYear", "endYear", "timeframe", "source", "line");
        var text = t.ReqString("text");
        if (text.Trim('.', '…', ' ').Length == 0) throw t.ErrorAt("text", "nội dung nhiệm vụ chỉ là dấu chấm lửng (dòng giữ chỗ của dự thảo), không phải một nhiệm vụ");
        var task = new PlanTask
        {
            PlanId = planId,
            Number = t.OptString("number"),
            Order = order,
            Text = text,
            StartYear = t.OptInt("startYear"),
            EndYear = t.OptInt("endYear"),
            Timeframe = t.OptString("timeframe"),
            Source = t.ReqString("source"),
            Line = line(t, "line"),
            SearchText = VietnameseText.Fold(text),
        };
        if (task.StartYear > task.EndYear) throw t.ErrorAt("startYear", $"năm bắt đầu {task.StartYear} sau năm kết thúc {task.EndYear}");
        foreach (var (role, key) in new[] { (AgencyRole.Lead, "lead"), (AgencyRole.Coordinating, "coordinating") })
        {
            var i = 0;
            foreach (var (name, at) in t.Strings(key))
            {
                var a = agency(name, at);
                if (task.Agencies.Any(x => x.Role == role && ReferenceEquals(x.Agency, a))) throw t.ErrorAt(at, $"cơ quan '{name}' được ghi hai lần trong '{key}'");
                task.Agencies.Add(new TaskAgency { Agency = a, Role = role, Order = i++ });
            }
        }
        return task;
    }
}
