using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Web.Features.Seeding;

/// <summary>Reads one target of a plan file and checks that its value fits its kind.</summary>
internal static class TargetReader
{
    public static Target Read(YamlFields t, string planId, int order, Func<YamlFields, string, int> line, Func<string, int, Agency> agency,
        Func<string, bool>? indicatorKnown = null)
    {
        t.RejectUnknown("key", "text", "indicator", "kind", "value", "min", "max", "exclusive", "tolerance", "unit", "of", "deadlineYear",
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
            Tolerance = t.OptDecimal("tolerance"),
            Unit = t.OptString("unit"),
            Of = t.OptString("of"),
            DeadlineYear = t.OptInt("deadlineYear"),
            Source = t.ReqString("source"),
            Line = line(t, "line"),
            SearchText = VietnameseText.Fold(text),
        };
        CheckValueFitsKind(t, target);
        if (target.Indicator is { } code && indicatorKnown is not null && !indicatorKnown(code))
            throw t.ErrorAt("indicator", $"chỉ số '{code}' không có trong danh mục chỉ số (indicators.yaml hoặc chỉ số Bộ đã thêm)");

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

    /// <summary>The same rules as the forms and imports (<see cref="PlanAuthoring.TargetRules"/>); the first problem stops the file.</summary>
    private static void CheckValueFitsKind(YamlFields t, Target target)
    {
        var problems = PlanAuthoring.TargetRules.Check(target.Kind, target.Value, target.Min, target.Max, target.Tolerance, target.Unit,
            target.Indicator, indicatorDirection: null, deadlineYear: null, periodStart: 0, periodEnd: 0, target.Of);
        if (problems.FirstOrDefault() is { } p) throw t.ErrorAt(YamlKey(p.Field), LowerFirst(p.Message.TrimEnd('.')));
    }

    private static string YamlKey(string field) => field switch { "indicator" or "value" or "min" or "max" or "tolerance" or "of" => field, _ => "kind" };

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
