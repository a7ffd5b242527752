using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Tests.Unit;

/// <summary>A malformed plan file must be refused with the file, the line and the problem.</summary>
public class PlanFileReaderTests
{
    private const string Valid = """
        id: test-2026-2030
        title: "Kế hoạch thử"
        level: provincial
        provinceCode: "82"
        periodStart: 2026
        periodEnd: 2030
        documentNumber: "1/KH-UBND"
        documentDate: 2025-09-12
        issuingBody: "UBND tỉnh"
        status: approved
        sourceDocument: doc.txt
        agencies:
          - name: "Sở Công Thương"
            kind: department
        targetGroups:
          - code: "I"
            title: "Nhóm I"
            targets:
              - key: I.1
                text: "Dân số tham gia mua sắm trực tuyến đạt 70%"
                indicator: online_shoppers_population_share
                kind: floor
                value: 70
                unit: "%"
                deadlineYear: 2030
                monitoringAgencies: ["Sở Công Thương"]
                source: "Mục 2"
                line: 3
        taskGroups:
          - code: "I"
            title: "Nhiệm vụ"
            tasks:
              - number: "1"
                text: "Một nhiệm vụ"
                lead: ["Sở Công Thương"]
                startYear: 2026
                endYear: 2030
                source: "Phụ lục 2"
                line: 5
        """;

    private static PlanFile Read(string yaml) => PlanFileReader.Read("test.yaml", yaml, doc => doc == "doc.txt" ? 100 : null);

    private static PlanFileException Fails(string yaml) => Assert.Throws<PlanFileException>(() => Read(yaml));

    private static int LineOf(string yaml, string fragment) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(fragment)).i + 1;

    [Fact]
    public void A_valid_file_is_read_into_the_plan_graph()
    {
        var file = Read(Valid);
        var target = Assert.Single(file.Plan.TargetGroups.Single().Targets);
        Assert.Equal(TargetKind.Floor, target.Kind);
        Assert.Equal(70m, target.Value);
        Assert.Equal("dan so tham gia mua sam truc tuyen dat 70%", target.SearchText);
        var agency = Assert.Single(file.Agencies);
        Assert.Equal("82", agency.ProvinceCode);
        Assert.Same(agency, target.Monitors.Single().Agency);
        Assert.Same(agency, file.Plan.TaskGroups.Single().Tasks.Single().Agencies.Single().Agency);
    }

    [Fact]
    public void Broken_yaml_names_the_file_and_line()
    {
        var yaml = Valid.Replace("title: \"Nhóm I\"", "title: \"Nhóm I");
        var e = Fails(yaml);
        Assert.Equal("test.yaml", e.File);
        Assert.InRange(e.LineNumber, LineOf(yaml, "Nhóm I"), LineOf(yaml, "Nhóm I") + 3);
        Assert.Contains("test.yaml", e.Message);
        Assert.Contains("YAML không hợp lệ", e.Message);
    }

    [Theory]
    [InlineData("kind: floor", "kind: minimum", "kind: minimum", "không hợp lệ")]
    [InlineData("value: 70", "value: bảy mươi", "value: bảy mươi", "phải là số")]
    [InlineData("value: 70", "value: 170", "value: 170", "phải từ 0 đến 100")]
    [InlineData("monitoringAgencies: [\"Sở Công Thương\"]", "monitoringAgencies: [\"Sở Tài chính\"]", "monitoringAgencies", "chưa được khai báo")]
    [InlineData("line: 3", "line: 300", "line: 300", "nằm ngoài văn bản")]
    [InlineData("documentDate: 2025-09-12", "documentDate: 12/09/2025", "documentDate", "yyyy-MM-dd")]
    [InlineData("deadlineYear: 2030", "deadlineYear: 2030\n        colour: red", "colour", "không được hỗ trợ")]
    [InlineData("text: \"Một nhiệm vụ\"", "text: \"……\"", "text: \"……\"", "giữ chỗ")]
    [InlineData("startYear: 2026", "startYear: 2031", "startYear: 2031", "sau năm kết thúc")]
    [InlineData("status: approved", "status: signed", "status: signed", "không hợp lệ")]
    public void Each_problem_is_reported_at_its_line(string original, string replacement, string lineFragment, string message)
    {
        var yaml = Valid.Replace(original, replacement);
        Assert.NotEqual(Valid, yaml);
        var e = Fails(yaml);
        Assert.Equal(LineOf(yaml, lineFragment), e.LineNumber);
        Assert.Contains(message, e.Problem);
    }

    [Fact]
    public void A_floor_without_a_value_is_refused()
    {
        var e = Fails(Valid.Replace("        value: 70\n", ""));
        Assert.Contains("cần một giá trị", e.Problem);
    }

    [Fact]
    public void A_qualitative_target_cannot_carry_a_number()
    {
        var e = Fails(Valid.Replace("kind: floor", "kind: qualitative"));
        Assert.Contains("định tính", e.Problem);
    }

    [Fact]
    public void Duplicate_target_keys_are_refused()
    {
        var targetBlock = Valid[Valid.IndexOf("      - key: I.1", StringComparison.Ordinal)..Valid.IndexOf("taskGroups:", StringComparison.Ordinal)];
        var yaml = Valid.Replace(targetBlock, targetBlock + targetBlock);
        var e = Fails(yaml);
        Assert.Contains("bị trùng", e.Problem);
    }

    [Fact]
    public void A_provincial_plan_needs_a_province_and_a_national_plan_must_not_have_one()
    {
        Assert.Contains("provinceCode", Fails(Valid.Replace("provinceCode: \"82\"\n", "")).Problem);
        Assert.Contains("provinceCode", Fails(Valid.Replace("level: provincial", "level: national")).Problem);
    }

    [Fact]
    public void A_missing_source_document_is_refused() =>
        Assert.Contains("không tìm thấy văn bản nguồn", Fails(Valid.Replace("sourceDocument: doc.txt", "sourceDocument: other.txt")).Problem);

    [Fact]
    public void A_file_that_is_not_a_mapping_is_refused() =>
        Assert.Equal(1, Fails("- just\n- a list\n").LineNumber);
}
