using System.Net;
using System.Text.Json.Nodes;
using EcomPlan.Tests.Infrastructure;
using EcomPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.PlanAuthoring;

/// <summary>What the text-import tests share: users, the multipart form of the API, and what "nothing written" means.</summary>
internal static class TextImport
{
    public const string Url = "/api/v1/plans/import-text";

    public static async Task<(HttpClient Client, string Email)> UserAsync(AuthoringApp app, UserRole role, string? province)
    {
        var (id, email) = await app.CreateUserAsync(new RoleAssignment { Role = role, ProvinceCode = province });
        return (app.ClientWithToken(await app.TokenForAsync(id)), email);
    }

    public static async Task<HttpClient> AdminOfAsync(AuthoringApp app, string province) =>
        (await UserAsync(app, UserRole.ProvincialAdministrator, province)).Client;

    /// <summary>The API's form: its fields, and the file when there is one.</summary>
    public static MultipartFormDataContent Form(Dictionary<string, string> fields, string? fileName = null, byte[]? file = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is not null) form.Add(new ByteArrayContent(file), "file", fileName!);
        return form;
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Rows an import writes; a refused import leaves every count as it was.</summary>
    public static async Task<(int Plans, int Targets, int Tasks, int Agencies, int Files)> CountsAsync(AuthoringApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.Plans.CountAsync(), await db.Targets.CountAsync(), await db.Tasks.CountAsync(), await db.Agencies.CountAsync(), await db.PlanFiles.CountAsync());
    }
}
