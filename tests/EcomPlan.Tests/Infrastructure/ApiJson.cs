using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcomPlan.Tests.Infrastructure;

/// <summary>Reads API responses as raw JSON, so tests see the wire contract (camelCase names, enum strings).</summary>
public static class ApiJson
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<(int Status, JsonObject Problem, string? ContentType)> GetProblemAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(JsonSerializerOptions.Web);
        return ((int)response.StatusCode, problem!, response.Content.Headers.ContentType?.MediaType);
    }

    public static IEnumerable<JsonNode> Items(this JsonNode node) => node.AsArray().Select(n => n!);

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();
}
