using System.Net;
using EcomPlan.Tests.Infrastructure;

namespace EcomPlan.Tests.Pages;

/// <summary>The server-rendered pages, read as a browser without script would read them.</summary>
[Collection(AppCollection.Name)]
public class PageTests(EcomPlanApp app)
{
    private readonly HttpClient client = app.CreateClient();

    private async Task<string> Html(string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}");
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task Plan_list_shows_every_plan_in_Vietnamese()
    {
        var html = await Html("/plans");
        Assert.Contains("Kế hoạch phát triển thương mại điện tử tỉnh Khánh Hòa", html);
        Assert.Contains("953/QĐ-UBND ngày 23/03/2026", html);
        Assert.Contains("244/KH-UBND ngày 12/09/2025", html);
        Assert.Contains("Đã ban hành", html);
        Assert.Contains("Nguồn tạm, chưa phải văn bản gốc", html);
        Assert.Contains("lang=\"vi\"", html);
    }

    [Fact]
    public async Task Plan_page_shows_groups_conflicts_and_unassigned_tasks()
    {
        var html = await Html("/plans/dong-thap-2026-2030");
        Assert.Contains("Mục tiêu tổng quát", html);
        Assert.Contains("Mâu thuẫn trong văn bản", html);
        Assert.Contains("Chưa giao cơ quan chủ trì", html);
        Assert.Contains("60,82%", html); // baseline, vi-VN number
        Assert.Contains("> 95%", html);
        Assert.Contains("≤ 15 % doanh thu, phấn đấu 8 % doanh thu", html);
        Assert.Contains("/plans/dong-thap-2026-2030/document#L32", html);
    }

    [Fact]
    public async Task Plan_page_filters_by_search_without_diacritics()
    {
        var html = await Html("/plans/khanh-hoa-2026-2030?q=hai+quan");
        Assert.Contains("Quản lý hải quan đối với hàng hóa xuất khẩu", html);
        Assert.DoesNotContain("Quản lý và phân cấp trong quản lý hoạt động thương mại điện tử", html);
    }

    [Fact]
    public async Task Plan_page_reports_an_unknown_group_instead_of_an_empty_page()
    {
        var html = await Html("/plans/khanh-hoa-2026-2030?taskGroup=ZZ");
        Assert.Contains("Không có nhóm nhiệm vụ 'ZZ'", html);
    }

    [Fact]
    public async Task Alignment_page_shows_province_beside_nation()
    {
        var html = await Html("/plans/dong-thap-2026-2030/alignment");
        Assert.Contains("Tỉnh đặt cao hơn", html);
        Assert.Contains("Chỉ tiêu quốc gia tỉnh chưa đưa vào", html);
        Assert.Contains("Chỉ tiêu riêng của tỉnh", html);
    }

    [Fact]
    public async Task Agency_page_lists_tasks_across_plans()
    {
        var html = await Html("/agencies");
        Assert.Contains("Bộ Công Thương", html);
        var id = System.Text.RegularExpressions.Regex.Match(html, "href=\"/agencies/(\\d+)\">Bộ Công Thương<").Groups[1].Value;
        var page = await Html($"/agencies/{id}");
        Assert.Contains("Kế hoạch tổng thể phát triển thương mại điện tử quốc gia giai đoạn 2021 - 2025", page);
        Assert.Contains("Kế hoạch tổng thể phát triển thương mại điện tử quốc gia giai đoạn 2026 – 2030", page);
    }

    [Fact]
    public async Task Source_document_page_anchors_every_line()
    {
        var html = await Html("/plans/dong-thap-2026-2030/document");
        Assert.Contains("<li id=\"L32\">- 100% các giao dịch trên nền tảng thương mại điện tử có hóa đơn điện tử;</li>", html);
    }

    [Theory]
    [InlineData("/plans/no-such-plan")]
    [InlineData("/plans/no-such-plan/alignment")]
    [InlineData("/plans/national-2026-2030/alignment")]
    [InlineData("/agencies/999999")]
    [InlineData("/provinces/99")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_are_404_with_a_Vietnamese_page(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        var response = await client.GetAsync("/plans");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
    [Fact]
    public async Task Province_areas_are_written_with_the_same_two_decimals_down_the_column()
    {
        var html = await Html("/provinces");
        Assert.Contains(">6.700,40<", html); // Cao Bằng: 6700.4 in the source
        Assert.DoesNotContain(">6.700,4<", html);
    }
}
