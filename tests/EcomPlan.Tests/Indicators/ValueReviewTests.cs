using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Indicators;

public class ValueReviewRuleTests
{
    [Theory]
    [InlineData(15, 12, "+3 (+25%)")]
    [InlineData(10.5, 12, "−1,5 (−12,5%)")]
    [InlineData(13256.92, 13256.92, "0")]
    [InlineData(5, 0, "+5")]
    public void The_change_from_the_previous_approved_value_is_signed_and_in_percent(double value, double previous, string expected) =>
        Assert.Equal(expected, ValueReviewQueries.Change((decimal)value, (decimal)previous));

    [Fact]
    public void Without_a_previous_value_there_is_no_change() => Assert.Null(ValueReviewQueries.Change(15, null));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_return_needs_a_reason(string? reason) => Assert.NotNull(ReviewValues.ReasonProblem(reason));

    [Fact]
    public void The_notice_names_the_indicator_the_reason_and_the_page_to_correct_it_on()
    {
        var notice = ReviewValues.NoticeFor(7, "Tỷ lệ thanh toán không dùng tiền mặt", "2026", "82", "Thiếu nguồn số liệu của quý IV");
        Assert.Equal(7, notice.RecipientUserId);
        Assert.Contains("Tỷ lệ thanh toán không dùng tiền mặt", notice.Title);
        Assert.Contains("Lý do: Thiếu nguồn số liệu của quý IV", notice.Text);
        Assert.Equal("/values/entry?unit=82&period=2026", notice.Link);
        Assert.Null(ReviewValues.ReasonProblem("Thiếu nguồn"));
    }
}

[Collection(MutationCollection.Name)]
public class ValueReviewTests(MutationApp app)
{
    private const string Indicator = "cashless_payment_share";

    private async Task<(HttpClient Client, int Id, string Email)> ReporterAsync()
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.AgencyReporter, AgencyId = await app.AgencyIdAsync("82", "Ngân hàng Nhà nước chi nhánh Khu vực 13") });
        return (app.ClientWithToken(await app.TokenForAsync(id)), id, email);
    }

    private static async Task SubmitAsync(HttpClient reporter, string period, decimal value)
    {
        var response = await reporter.PostAsJsonAsync("/api/v1/values", new { rows = new[] { new { indicator = Indicator, unit = "82", period, value, source = "NHNN chi nhánh Khu vực 13" } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Text(string html) => Regex.Replace(html, "<[^>]+>", "");

    private async Task<long> CurrentIdAsync(string period)
    {
        await using var db = app.CreateDbContext();
        return await db.DataValues.Where(v => v.Code == Indicator && v.UnitCode == "82" && v.Period == period && v.IsCurrent).Select(v => v.Id).SingleAsync();
    }

    [Fact]
    public async Task The_review_page_names_indicator_unit_measure_submitter_and_shows_the_previous_value_and_change()
    {
        var (reporter, reporterId, _) = await ReporterAsync();
        var (adminId, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        await SubmitAsync(reporter, "2040", 40);
        Assert.Equal(HttpStatusCode.NoContent, (await app.ClientWithToken(await app.TokenForAsync(adminId)).PostAsync($"/api/v1/values/{await CurrentIdAsync("2040")}/approve", null)).StatusCode);
        await SubmitAsync(reporter, "2041", 50);

        var html = WebUtility.HtmlDecode(await (await app.SignInAsync(adminEmail)).GetStringAsync("/values/review"));
        var id = await CurrentIdAsync("2041");
        var row = Regex.Match(html, $"<tr data-value-id=\"{id}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(row);
        string fullName;
        await using (var db = app.CreateDbContext()) fullName = await db.Users.Where(u => u.Id == reporterId).Select(u => u.FullName).SingleAsync();
        var text = Regex.Replace(row, "<[^>]+>", " ");
        Assert.Contains("Tỷ lệ thanh toán không dùng tiền mặt", text);
        Assert.Contains("Đồng Tháp", text);
        Assert.Contains("50%", text);
        Assert.Contains("40% (2040)", text);
        Assert.Contains("+10 (+25%)", text);
        Assert.Contains(fullName, text);
        Assert.DoesNotContain(Indicator, text);
        Assert.DoesNotContain(" 82 ", text);

        // Another province's Department and a reporter do not review these values.
        var (_, otherEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        Assert.DoesNotContain($"data-value-id=\"{id}\"", await (await app.SignInAsync(otherEmail)).GetStringAsync("/values/review"));
    }

    [Fact]
    public async Task A_value_is_returned_with_a_required_reason_and_the_reporter_sees_it_on_the_entry_page()
    {
        var (reporter, _, reporterEmail) = await ReporterAsync();
        await SubmitAsync(reporter, "2042", 61);
        var id = await CurrentIdAsync("2042");
        var (adminId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var admin = app.ClientWithToken(await app.TokenForAsync(adminId));
        var (otherId, _) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var url = $"/api/v1/values/{id}/return";

        var noReason = await admin.PostAsJsonAsync(url, new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Cần ghi lý do trả lại", (await noReason.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientWithToken(await app.TokenForAsync(otherId)).PostAsJsonAsync(url, new { reason = "Sai" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PostAsJsonAsync(url, new { reason = "Sai" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(url, new { reason = "Tỷ lệ cao bất thường, đề nghị kiểm tra lại nguồn" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(url, new { reason = "Lần nữa" })).StatusCode);   // no longer waiting
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/v1/values/{id}/approve", null)).StatusCode);     // a returned value is a draft

        await using (var db = app.CreateDbContext())
        {
            var value = await db.DataValues.SingleAsync(v => v.Id == id);
            Assert.Equal((ValueStatus.Draft, "Tỷ lệ cao bất thường, đề nghị kiểm tra lại nguồn", adminId), (value.Status, value.ReturnReason, value.ReturnedBy));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "DataValue" && a.EntityId == id.ToString() && a.NewValues!.Contains("Tỷ lệ cao bất thường")));
        }
        var entry = WebUtility.HtmlDecode(await (await app.SignInAsync(reporterEmail)).GetStringAsync("/values/entry?unit=82&period=2042"));
        Assert.Contains("Giá trị bị trả lại (1)", entry);
        Assert.Contains("Lý do: Tỷ lệ cao bất thường, đề nghị kiểm tra lại nguồn", entry);
        Assert.Contains("Bị trả lại: Tỷ lệ cao bất thường", entry);
        Assert.Matches("name=\"Values\\[\\d+\\]\" inputmode=\"decimal\" value=\"61\"", entry);   // the returned value waits in its field
    }

    [Fact]
    public async Task Approving_selected_values_asks_first_saying_how_many_and_only_then_approves()
    {
        var (reporter, _, _) = await ReporterAsync();
        await SubmitAsync(reporter, "2043", 30);
        await SubmitAsync(reporter, "2044", 31);
        var (first, second) = (await CurrentIdAsync("2043"), await CurrentIdAsync("2044"));
        var (_, adminEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "82" });
        var client = await app.SignInAsync(adminEmail);
        var page = await client.GetStringAsync("/values/review");
        var token = TestAccounts.HiddenFieldsOf(page, "bulk")["__RequestVerificationToken"];
        async Task<string> PostAsync(string handler, params (string, string)[] fields)
        {
            var content = new FormUrlEncodedContent([new("_handler", handler), new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);
            return WebUtility.HtmlDecode(await (await client.PostAsync("/values/review", content)).Content.ReadAsStringAsync());
        }
        async Task<ValueStatus> StatusAsync(long id)
        {
            await using var db = app.CreateDbContext();
            return await db.DataValues.Where(v => v.Id == id).Select(v => v.Status).SingleAsync();
        }

        var none = await PostAsync("bulk", ("Scope", "selected"));
        Assert.Contains("Chưa chọn giá trị nào", none);
        var asked = await PostAsync("bulk", ("Scope", "selected"), ("Ids", first.ToString()), ("Ids", second.ToString()));
        Assert.Contains("Sẽ duyệt 2 giá trị", Text(asked));
        Assert.Contains("Xác nhận duyệt 2 giá trị", asked);
        Assert.Equal(ValueStatus.Submitted, await StatusAsync(first));   // nothing approved before the confirmation

        var all = await PostAsync("bulk", ("Scope", "all"));
        var pendingCount = Regex.Matches(all, "<tr data-value-id=").Count;
        Assert.Contains($"Sẽ duyệt {pendingCount} giá trị", Text(all));

        var done = await PostAsync("confirm", ("Ids", first.ToString()));
        Assert.Contains("Đã duyệt 1 giá trị.", done);
        Assert.Equal((ValueStatus.Approved, ValueStatus.Submitted), (await StatusAsync(first), await StatusAsync(second)));

        // Another province's Department confirming these ids approves nothing.
        var (_, otherEmail) = await app.CreateUserAsync(new RoleAssignment { Role = UserRole.ProvincialAdministrator, ProvinceCode = "56" });
        var other = await app.SignInAsync(otherEmail);
        // (no pending value of theirs, so no bulk form: the sign-out form's token serves)
        var otherToken = Regex.Match(await other.GetStringAsync("/values/review"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        await other.PostAsync("/values/review", new FormUrlEncodedContent([new("_handler", "confirm"), new("__RequestVerificationToken", otherToken), new("Ids", second.ToString())]));
        Assert.Equal(ValueStatus.Submitted, await StatusAsync(second));
    }
}
