using System.Net;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

public class ReportingYearTests
{
    [Theory]
    [InlineData(2026, 12, 1, 2026)]    // the yearly reports are made in December, for the year then ending
    [InlineData(2026, 12, 31, 2026)]
    [InlineData(2026, 11, 30, 2025)]   // until then the latest complete year is the one before
    [InlineData(2027, 1, 1, 2026)]
    [InlineData(2026, 6, 15, 2025)]
    public void The_reporting_year_is_this_year_from_December_and_last_year_before(int year, int month, int day, int expected) =>
        Assert.Equal(expected, ReportingYear.Of(new DateOnly(year, month, day)));

    [Fact]
    public void The_reporting_year_is_read_on_a_clock_in_Vietnam()
    {
        // 30/11 at 20:00 UTC is already 1 December in Vietnam.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(2026, ReportingYear.Now(clock));
        Assert.Equal(2025, ReportingYear.Now(new FixedClock(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public class EntryFormRuleTests
{
    private static readonly string[] Codes = ["a_share", "b_count", "c_rank"];

    [Fact]
    public void Vietnamese_decimals_are_read_and_empty_rows_are_not_sent()
    {
        var result = EntryForm.Check(Codes, new Dictionary<string, (string, string)> { ["a_share"] = ("40,5", "Sở"), ["b_count"] = ("13.256,92", "Cục"), ["c_rank"] = ("", "") }, "82", "2026");
        Assert.Null(result.Message);
        Assert.Empty(result.FieldErrors);
        Assert.Equal([("a_share", 40.5m), ("b_count", 13256.92m)], result.Rows.Select(r => (r.Indicator!, r.Value!.Value)));
        Assert.All(result.Rows, r => Assert.Equal(("82", "2026"), (r.Unit!, r.Period!)));
    }

    [Fact]
    public void Every_unreadable_number_is_named_at_its_field_at_once()
    {
        var result = EntryForm.Check(Codes, new Dictionary<string, (string, string)> { ["a_share"] = ("bốn mươi", "Sở"), ["b_count"] = ("100.125", "Cục"), ["c_rank"] = ("3", "") }, "82", "2026");
        Assert.Equal(["a_share", "b_count"], result.FieldErrors.Keys.Order());
        Assert.Contains("«bốn mươi»", result.FieldErrors["a_share"]);
        Assert.Null(result.Message);   // values were typed: never "nothing typed"
    }

    [Fact]
    public void An_empty_form_is_refused_naming_the_column()
    {
        var result = EntryForm.Check(Codes, new Dictionary<string, (string, string)> { ["a_share"] = (" ", "Sở") }, "82", "2026");
        Assert.Empty(result.Rows);
        Assert.StartsWith("Chưa nhập giá trị nào", result.Message);
        Assert.Contains("«Giá trị mới»", result.Message);
    }
}

[Collection(MutationCollection.Name)]
public class EntryDraftTests(MutationApp app)
{
    private const string Indicator = "cashless_payment_share";

    private async Task<(string Email, string Page, Dictionary<string, string> Index)> ReporterAsync(string period)
    {
        var (_, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("82", "Ngân hàng Nhà nước chi nhánh Khu vực 13") });
        var page = $"/values/entry?unit=82&period={period}";
        var html = WebUtility.HtmlDecode(await (await app.SignInAsync(email)).GetStringAsync(page));
        var index = Regex.Matches(html, "name=\"Codes\\[(\\d+)\\]\" value=\"([a-z_]+)\"").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        return (email, page, index);
    }

    private static Dictionary<string, string> Form(Dictionary<string, string> index, string period, string action, string value, string source)
    {
        var fields = new Dictionary<string, string> { ["Unit"] = "82", ["Period"] = period, ["Action"] = action };
        foreach (var i in index.Values) { fields[$"Values[{i}]"] = ""; fields[$"Sources[{i}]"] = ""; }
        fields[$"Values[{index[Indicator]}]"] = value;
        fields[$"Sources[{index[Indicator]}]"] = source;
        return fields;
    }

    private static string FieldValue(string html, string name) =>
        Regex.Match(html, $"<input name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"").Groups[1].Value;

    [Fact]
    public async Task A_draft_stays_in_its_fields_after_signing_in_again_and_send_submits_it()
    {
        var (email, page, index) = await ReporterAsync("2032");
        Assert.Contains(Indicator, index.Keys);
        var client = await app.SignInAsync(email);
        var saved = WebUtility.HtmlDecode(await (await client.PostFormAsync(page, "entry", Form(index, "2032", "draft", "40,5", "NHNN Khu vực 13"))).Content.ReadAsStringAsync());
        Assert.Contains("Đã lưu nháp 1 giá trị", saved);
        Assert.Equal("40,5", FieldValue(saved, $"Values[{index[Indicator]}]"));

        // Signed in again, on a fresh page: the draft is in the fields.
        var again = await app.SignInAsync(email);
        var reloaded = WebUtility.HtmlDecode(await again.GetStringAsync(page));
        Assert.Equal("40,5", FieldValue(reloaded, $"Values[{index[Indicator]}]"));
        Assert.Equal("NHNN Khu vực 13", FieldValue(reloaded, $"Sources[{index[Indicator]}]"));

        // "Gửi" as a browser posts the page as shown: the draft's fields are sent.
        var fields = Form(index, "2032", "send", FieldValue(reloaded, $"Values[{index[Indicator]}]"), FieldValue(reloaded, $"Sources[{index[Indicator]}]"));
        var sent = WebUtility.HtmlDecode(await (await again.PostFormAsync(page, "entry", fields)).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Chưa nhập giá trị nào", sent);
        Assert.Contains("Đã ghi 1 giá trị (0 đã duyệt, 1 chờ duyệt)", sent);
        await using var db = app.CreateDbContext();
        var current = await db.DataValues.SingleAsync(v => v.Code == Indicator && v.UnitCode == "82" && v.Period == "2032" && v.IsCurrent);
        Assert.Equal((40.5m, ValueStatus.Submitted), (current.Value, current.Status));
    }

    [Fact]
    public async Task A_refused_form_keeps_what_was_typed_and_an_empty_one_names_the_column()
    {
        var (email, page, index) = await ReporterAsync("2033");
        var client = await app.SignInAsync(email);
        var bad = WebUtility.HtmlDecode(await (await client.PostFormAsync(page, "entry", Form(index, "2033", "send", "bốn mươi", "NHNN"))).Content.ReadAsStringAsync());
        Assert.Equal("bốn mươi", FieldValue(bad, $"Values[{index[Indicator]}]"));
        Assert.Equal("NHNN", FieldValue(bad, $"Sources[{index[Indicator]}]"));
        Assert.Contains("Không đọc được số «bốn mươi»", bad);

        var missingSource = WebUtility.HtmlDecode(await (await client.PostFormAsync(page, "entry", Form(index, "2033", "send", "40,5", ""))).Content.ReadAsStringAsync());
        Assert.Equal("40,5", FieldValue(missingSource, $"Values[{index[Indicator]}]"));
        Assert.Contains("Thiếu nguồn", missingSource);

        var empty = WebUtility.HtmlDecode(await (await client.PostFormAsync(page, "entry", Form(index, "2033", "send", "", ""))).Content.ReadAsStringAsync());
        Assert.Contains("Chưa nhập giá trị nào: hãy nhập ít nhất một số vào cột «Giá trị mới»", empty);
        Assert.DoesNotContain(": Chưa nhập", empty);
        await using var db = app.CreateDbContext();
        Assert.False(await db.DataValues.AnyAsync(v => v.Code == Indicator && v.UnitCode == "82" && v.Period == "2033"));
    }

    [Fact]
    public async Task A_Ministry_viewer_is_refused_entry_and_the_default_year_is_the_reporting_year()
    {
        var (_, viewer) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.MinistryViewer });
        var html = WebUtility.HtmlDecode(await (await app.SignInAsync(viewer)).GetStringAsync("/values/entry"));
        Assert.Contains("chỉ được xem số liệu", html);
        Assert.DoesNotContain("Lưu nháp", html);
        Assert.DoesNotContain("name=\"Values[", html);

        var (_, admin) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var entry = WebUtility.HtmlDecode(await (await app.SignInAsync(admin)).GetStringAsync("/values/entry"));
        var expected = ReportingYear.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))).ToString();
        Assert.Matches($"name=\"period\" value=\"{expected}\"", entry);
        Assert.Contains("<option value=\"82\"", entry);
        Assert.DoesNotContain("<option value=\"56\"", entry);   // another province is not offered
    }
}
