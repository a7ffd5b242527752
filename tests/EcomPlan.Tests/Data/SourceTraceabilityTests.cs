using System.Text.RegularExpressions;
using EcomPlan.Web.Features.Seeding;
using EcomPlan.Web.Infrastructure;

namespace EcomPlan.Tests.Data;

/// <summary>
/// Every target, task and statement quotes its document verbatim from the line it names: the start of the
/// text must be readable, contiguously, from that line on. This is what makes "traceable" checkable.
/// </summary>
public class SourceTraceabilityTests
{
    private static readonly SeedDataOptions Options = new();
    private static readonly IReadOnlyList<PlanFile> Files =
        PlanSeeder.ReadAll(Options, File.ReadLines(Path.Combine(Options.AdminFolder, "provinces.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet());

    private static string Normalise(string s) => Regex.Replace(s.Normalize(System.Text.NormalizationForm.FormC), @"\s+", " ").Trim();

    private static string[] Document(string file) => File.ReadAllLines(Path.Combine(Options.DocumentsFolder, file));

    private static void AssertQuoted(string[] doc, string planId, string what, string text, int line)
    {
        var window = Normalise(string.Join(" ", doc.Skip(line - 1).Take(8)));
        var head = Normalise(text);
        head = head[..Math.Min(40, head.Length)];
        Assert.True(window.Contains(head, StringComparison.Ordinal),
            $"{planId} {what}: \"{head}\" is not at line {line}: \"{window[..Math.Min(160, window.Length)]}\"");
    }

    [Fact]
    public void All_five_plans_are_transcribed() =>
        Assert.Equal(
            new[] { "dong-thap-2021-2025", "dong-thap-2026-2030", "khanh-hoa-2026-2030", "national-2021-2025", "national-2026-2030" },
            Files.Select(f => f.Plan.Id).Order().ToArray());

    [Fact]
    public void Every_target_task_and_statement_is_found_at_its_line()
    {
        var checkedCount = 0;
        foreach (var file in Files)
        {
            var doc = Document(file.Plan.SourceDocument ?? throw new InvalidOperationException($"{file.FileName} names no source document"));
            foreach (var s in file.Plan.Statements) { AssertQuoted(doc, file.Plan.Id, "statement", s.Text, s.Line); checkedCount++; }
            foreach (var t in file.Plan.TargetGroups.SelectMany(g => g.Targets))
            {
                AssertQuoted(doc, file.Plan.Id, $"target {t.Key}", t.Text, t.Line);
                foreach (var c in t.References.Where(r => r.IsConflict && r.Text is not null))
                    AssertQuoted(doc, file.Plan.Id, $"conflict of {t.Key}", c.Text!, c.Line);
                checkedCount++;
            }
            foreach (var t in file.Plan.TaskGroups.SelectMany(g => g.Tasks))
            {
                AssertQuoted(doc, file.Plan.Id, $"task {t.Number}", t.Text, t.Line);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 250, $"only {checkedCount} items checked");
    }

    [Fact]
    public void No_placeholder_of_the_draft_became_a_task_or_target()
    {
        foreach (var file in Files)
        {
            Assert.DoesNotContain(file.Plan.TaskGroups.SelectMany(g => g.Tasks), t => t.Text.Trim('.', '…', ' ').Length == 0 || t.Text.StartsWith('…'));
            Assert.DoesNotContain(file.Plan.TargetGroups.SelectMany(g => g.Targets), t => t.Text.Trim('.', '…', ' ').Length == 0);
        }
    }

    [Fact]
    public void Every_quantitative_target_points_to_an_indicator() =>
        Assert.All(Files.SelectMany(f => f.Plan.TargetGroups.SelectMany(g => g.Targets)).Where(t => t.Kind != Web.Features.Plans.TargetKind.Qualitative),
            t => Assert.False(string.IsNullOrWhiteSpace(t.Indicator), t.Key));

    [Fact]
    public void Search_text_is_the_folded_text() =>
        Assert.All(Files.SelectMany(f => f.Plan.TaskGroups.SelectMany(g => g.Tasks)), t => Assert.Equal(VietnameseText.Fold(t.Text), t.SearchText));
}
