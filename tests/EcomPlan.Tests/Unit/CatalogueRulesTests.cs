using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.Seeding;

namespace EcomPlan.Tests.Unit;

/// <summary>The rules every new catalogue entry obeys, and how start-up merges the shipped file into a stored catalogue.</summary>
public class CatalogueRulesTests
{
    private static readonly IReadOnlySet<string> Indicators = new HashSet<string> { "b2c_revenue", "online_shoppers_population_share" };
    private static readonly IReadOnlySet<string> Elements = new HashSet<string> { "population", "internet_users", "online_shoppers" };

    private static readonly IndicatorDraft Valid = new("internet_users_share", "Tỷ lệ dân số sử dụng internet", "Share of the population using the internet",
        "Số người dùng internet chia cho dân số, nhân 100.", "%", "higher", "year", "ratio", "internet_users", "population", 100m, "ratio_of_sums",
        null, null, null);

    private static Dictionary<string, string[]> Errors(IndicatorDraft d) => CatalogueRules.CheckIndicator(d, Indicators, Elements).Errors;

    [Fact]
    public void A_valid_indicator_passes_trimmed_with_its_code_as_concept()
    {
        var (draft, errors) = CatalogueRules.CheckIndicator(Valid with { NameVi = "  Tỷ lệ dân số sử dụng internet " }, Indicators, Elements);
        Assert.Empty(errors);
        Assert.Equal("Tỷ lệ dân số sử dụng internet", draft.NameVi);
        Assert.Equal("internet_users_share", draft.Concept);
        Assert.Equal("online_shoppers", CatalogueRules.CheckIndicator(Valid with { Concept = "online_shoppers" }, Indicators, Elements).Draft.Concept);
    }

    public static TheoryData<string, IndicatorDraft, string> BadIndicators => new()
    {
        { "code", Valid with { Code = "b2c_revenue" }, "đã có trong danh mục" },
        { "code", Valid with { Code = "population" }, "phần tử dữ liệu" },
        { "code", Valid with { Code = "Internet Users" }, "chữ thường không dấu" },
        { "code", Valid with { Code = "tỷ_lệ" }, "chữ thường không dấu" },
        { "code", Valid with { Code = "_share" }, "chữ thường không dấu" },
        { "code", Valid with { Code = new string('a', 65) }, "Tối đa 64" },
        { "code", Valid with { Code = "new" }, "dành riêng" },
        { "code", Valid with { Code = null }, "Không được để trống" },
        { "nameVi", Valid with { NameVi = "   " }, "Không được để trống" },
        { "nameEn", Valid with { NameEn = new string('x', 301) }, "Tối đa 300" },
        { "definition", Valid with { Definition = "" }, "Không được để trống" },
        { "unit", Valid with { Unit = null }, "Không được để trống" },
        { "direction", Valid with { Direction = "up" }, "Chiều tốt" },
        { "periodType", Valid with { PeriodType = "month" }, "Kỳ phải là" },
        { "kind", Valid with { Kind = "index" }, "Loại phải là" },
        { "numerator", Valid with { Numerator = "internet_user" }, "Không có phần tử dữ liệu mã 'internet_user'" },
        { "denominator", Valid with { Denominator = "nguoi_dung" }, "Không có phần tử dữ liệu mã 'nguoi_dung'" },
        { "denominator", Valid with { Denominator = null }, "cần mẫu số" },
        { "denominator", Valid with { Kind = "count" }, "mới có mẫu số" },
        { "factor", Valid with { Factor = 0 }, "lớn hơn 0" },
        { "factor", Valid with { Factor = -100 }, "lớn hơn 0" },
        { "rollup", Valid with { Rollup = "average" }, "Cách cộng" },
        { "rollupCondition", Valid with { Rollup = "share_of_units_meeting" }, "điều kiện đạt" },
        { "concept", Valid with { Concept = "Người mua" }, "chữ thường không dấu" },
        { "note", Valid with { Note = new string('x', 4001) }, "Tối đa 4000" },
    };

    [Theory]
    [MemberData(nameof(BadIndicators))]
    public void Each_bad_field_is_named_in_Vietnamese(string field, IndicatorDraft draft, string message)
    {
        var errors = Errors(draft);
        Assert.True(errors.ContainsKey(field), $"no error on {field}: {string.Join("; ", errors.Select(e => e.Key))}");
        Assert.Contains(message, string.Join(" ", errors[field]));
    }

    [Fact]
    public void Every_problem_comes_back_at_once()
    {
        var errors = Errors(new IndicatorDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        Assert.Equal(["code", "definition", "direction", "kind", "nameEn", "nameVi", "periodType", "rollup", "unit"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public void A_data_element_needs_a_free_code_names_and_a_unit()
    {
        Assert.Empty(CatalogueRules.CheckDataElement(new("internet_users_adult", "Số người từ 18 tuổi dùng internet", "Adult internet users", "người"), Indicators, Elements).Errors);
        var errors = CatalogueRules.CheckDataElement(new("internet_users", " ", null, new string('x', 33)), Indicators, Elements).Errors;
        Assert.Contains("đã có trong danh mục phần tử dữ liệu", errors["code"][0]);
        Assert.Equal(["code", "nameEn", "nameVi", "unit"], errors.Keys.Order().ToArray());
        Assert.Contains("đã là mã của một chỉ số", CatalogueRules.CheckDataElement(new("b2c_revenue", "x", "x", "x"), Indicators, Elements).Errors["code"][0]);
    }

    [Fact]
    public void The_shipped_catalogue_obeys_the_rules_of_a_runtime_indicator()
    {
        var (indicators, elements) = IndicatorSeeder.ReadCatalogue(new SeedDataOptions());
        var elementCodes = elements.Select(e => e.Code).ToHashSet();
        // Two shipped indicators share their code with their own numerator; a new entry may not (CatalogueRules).
        string[] sharedInTheFile = ["communes_with_online_merchants", "enterprises_on_mobile_apps"];
        foreach (var i in indicators)
        {
            var others = indicators.Where(o => o.Code != i.Code).Select(o => o.Code).ToHashSet();
            var draft = new IndicatorDraft(i.Code, i.NameVi, i.NameEn, i.Definition, i.Unit, i.Direction, i.PeriodType, i.Kind, i.Numerator, i.Denominator,
                i.Factor, i.Rollup, i.RollupCondition, i.Concept, i.Note);
            var errors = CatalogueRules.CheckIndicator(draft, others, elementCodes).Errors;
            if (sharedInTheFile.Contains(i.Code) && errors.TryGetValue("code", out var code) && code[0].Contains("phần tử dữ liệu")) errors.Remove("code");
            Assert.True(errors.Count == 0, $"{i.Code}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }
        Assert.Equal("online_shoppers", indicators.Single(i => i.Code == "online_shoppers_adult_share").Concept);
        Assert.Equal("online_shoppers", indicators.Single(i => i.Code == "online_shoppers_population_share").Concept);
        Assert.Equal("ecommerce_trainees", indicators.Single(i => i.Code == "ecommerce_trainees_count").Concept);
        Assert.Equal("ecommerce_trainees", indicators.Single(i => i.Code == "ecommerce_trainees_share").Concept);
    }

    private static Indicator Stored(string origin = CatalogueOrigin.Catalogue, string? edited = null) => new()
    {
        Code = "x", NameVi = "Tên cũ", NameEn = "Old name", Definition = "Định nghĩa cũ", Unit = "%", Direction = "higher", PeriodType = "year",
        Kind = "ratio", Numerator = "a", Denominator = "b", Factor = 100, Rollup = "ratio_of_sums", Concept = "x", Note = "Ghi chú cũ",
        Origin = origin, MinistryEditedFields = edited,
    };

    private static Indicator File() => new()
    {
        Code = "x", NameVi = "Tên mới", NameEn = "New name", Definition = "Định nghĩa mới", Unit = "người", Direction = "lower", PeriodType = "year",
        Kind = "ratio", Numerator = "a", Denominator = "c", Factor = 100, Rollup = "ratio_of_sums", Concept = "family", Note = "Ghi chú cũ",
    };

    [Fact]
    public void Start_up_takes_every_field_of_the_file_for_an_unedited_shipped_indicator()
    {
        var stored = Stored();
        var change = CatalogueUpsert.Apply(stored, File());
        Assert.Equal(["Unit", "Direction", "Denominator", "NameVi", "NameEn", "Definition", "Concept"], change.Updated);
        Assert.Empty(change.Kept);
        Assert.Equal(("Tên mới", "Định nghĩa mới", "người", "c", "family"), (stored.NameVi, stored.Definition, stored.Unit, stored.Denominator, stored.Concept));
        Assert.Empty(CatalogueUpsert.Apply(stored, File()).Updated);
    }

    [Fact]
    public void Start_up_keeps_the_fields_the_Ministry_edited_and_takes_the_formula_from_the_file()
    {
        var stored = Stored(edited: "NameVi,Concept");
        var change = CatalogueUpsert.Apply(stored, File());
        Assert.Equal(["NameVi", "Concept"], change.Kept);
        Assert.Equal("Tên cũ", stored.NameVi);
        Assert.Equal("x", stored.Concept);
        Assert.Equal("Định nghĩa mới", stored.Definition);
        Assert.Equal("người", stored.Unit);
    }

    [Fact]
    public void A_runtime_indicator_the_file_adopts_keeps_all_its_wording()
    {
        var stored = Stored(origin: CatalogueOrigin.Ministry);
        var change = CatalogueUpsert.Apply(stored, File());
        Assert.Equal(["NameVi", "NameEn", "Definition", "Concept"], change.Kept);
        Assert.Equal(["Unit", "Direction", "Denominator"], change.Updated);
        Assert.Equal("Tên cũ", stored.NameVi);
    }

    [Fact]
    public void Wording_edits_before_the_column_existed_are_read_from_the_audit_trail()
    {
        Assert.Equal(["NameVi", "Note"], CatalogueUpsert.EditedIn("{\"NameVi\":\"Tên\",\"Note\":null,\"MinistryEditedFields\":\"NameVi\"}"));
        Assert.Empty(CatalogueUpsert.EditedIn(null));
        Assert.Empty(CatalogueUpsert.EditedIn("không phải JSON"));
        Assert.Equal("NameVi,Definition", CatalogueUpsert.Join(["Definition", "NameVi", "Definition"]));
        Assert.Null(CatalogueUpsert.Join([]));
    }
}
