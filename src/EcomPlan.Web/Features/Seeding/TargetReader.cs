using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.Seeding;

/// <summary>Reads one target of a plan file and checks that its value fits its kind.</summary>
internal static class TargetReader
{
    public static Target Read(YamlFields t, string planId, int order, Func<YamlFields, string, int> line, Func<string, int, Agency> agency)
    {
        t.RejectUnknown("key", "text", "indicator", "kind", "value", "min", "max", "exclusive", "unit", "of", "deadlineYear",
            "baseline", "result", "monitoringAgencies", "source", "line", "alsoIn", "conflicts");
        var text = t.ReqString("text");
        var target = new Target
        {
            PlanId = planId,
            Key = t.ReqString("key"),
            Order = order,
            Text = text,
            Indicator = t.OptString("indicator"),
            Kind = t.ReqEnum("kind", PlanFileReader.Kinds),
            Value = t.OptDecimal("value"),
            Min = t.OptDecimal("min"),
            Max = t.OptDecimal("max"),
            Exclusive = t.OptBool("exclusive", false),
            Unit = t.OptString("unit"),
            Of = t.OptString("of"),
            DeadlineYear = t.OptInt("deadlineYear"),
            Source = t.ReqString("source"),
            Line = line(t, "line"),
            SearchText = VietnameseText.Fold(text),
        };
        CheckValueFitsKind(t, target);

        if (t.OptMapping("baseline") is { } b)
        {
            b.RejectUnknown("value", "year", "line");
            target.BaselineValue = b.OptDecimal("value") ?? throw b.Error("giá trị cơ sở thiếu 'value'");
            target.BaselineYear = b.ReqInt("year");
            target.BaselineLine = line(b, "line");
        }
        if (t.OptMapping("result") is { } r)
        {
            r.RejectUnknown("value", "year", "line", "text");
            target.ResultValue = r.OptDecimal("value");
            target.ResultYear = r.ReqInt("year");
            target.ResultLine = line(r, "line");
            target.ResultText = r.OptString("text");
        }

        var i = 0;
        foreach (var (name, at) in t.Strings("monitoringAgencies"))
        {
            var a = agency(name, at);
            if (target.Monitors.Any(m => ReferenceEquals(m.Agency, a))) throw t.ErrorAt(at, $"cơ quan '{name}' được ghi hai lần");
            target.Monitors.Add(new TargetMonitor { Agency = a, Order = i++ });
        }
        foreach (var (isConflict, key) in new[] { (false, "alsoIn"), (true, "conflicts") })
        {
            foreach (var c in t.Mappings(key))
            {
                c.RejectUnknown("source", "line", "text", "value", "min", "max");
                var reference = new TargetReference
                {
                    IsConflict = isConflict,
                    Source = c.ReqString("source"),
                    Line = line(c, "line"),
                    Text = c.OptString("text"),
                    Value = c.OptDecimal("value"),
                    Min = c.OptDecimal("min"),
                    Max = c.OptDecimal("max"),
                };
                if (isConflict && reference.Value is null && reference.Min is null && reference.Max is null && reference.Text is null)
                    throw c.Error("một mâu thuẫn phải ghi giá trị khác ('value', 'min'/'max') hoặc câu chữ khác ('text')");
                target.References.Add(reference);
            }
        }
        return target;
    }

    private static void CheckValueFitsKind(YamlFields t, Target target)
    {
        var hasValue = target.Value is not null;
        var hasBand = target.Min is not null || target.Max is not null;
        switch (target.Kind)
        {
            case TargetKind.Floor or TargetKind.Ceiling or TargetKind.Count or TargetKind.Rank or TargetKind.ShareOfShare when !hasValue:
                throw t.ErrorAt("kind", $"chỉ tiêu loại '{target.Kind}' phải có 'value'");
            case TargetKind.Range when target.Min is null || target.Max is null:
                throw t.ErrorAt("kind", "chỉ tiêu khoảng (range) phải có cả 'min' và 'max'");
            case TargetKind.Growth when !hasValue && (target.Min is null || target.Max is null):
                throw t.ErrorAt("kind", "chỉ tiêu tăng trưởng (growth) phải có 'value' hoặc cả 'min' và 'max'");
            case TargetKind.Qualitative when hasValue || hasBand:
                throw t.ErrorAt("kind", "chỉ tiêu định tính (qualitative) không có giá trị số");
        }
        if (target.Min > target.Max) throw t.ErrorAt("min", $"'min' ({target.Min}) lớn hơn 'max' ({target.Max})");
        if (target.Unit is "%" && (target.Value ?? target.Max ?? 0) > 100 && target.Kind != TargetKind.Growth)
            throw t.ErrorAt(target.Value is null ? "max" : "value", $"tỷ lệ phần trăm {target.Value ?? target.Max} vượt quá 100%");
        if (target.Kind != TargetKind.Qualitative && target.Indicator is null)
            throw t.ErrorAt("kind", "chỉ tiêu định lượng phải gắn với một chỉ số ('indicator')");
    }
}
