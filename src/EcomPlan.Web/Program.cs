using System.Text.Json;
using System.Text.Json.Serialization;
using EcomPlan.Web.Components;
using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Accounts;
using EcomPlan.Web.Features.Audit;
using EcomPlan.Web.Features.Indicators;
using EcomPlan.Web.Features.AdministrativeUnits;
using EcomPlan.Web.Features.Agencies;
using EcomPlan.Web.Features.Alignment;
using EcomPlan.Web.Features.Plans;
using EcomPlan.Web.Features.Reporting;
using EcomPlan.Web.Infrastructure;

DatabaseSetup.LoadMigrationAssembliesFromAppFolder();

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot from the build output in every environment, not only Development (tests, `run` in Production).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Translate);
// Malformed parameters become exceptions so the exception handler answers with a 400 ProblemDetails everywhere.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "EcomPlan API";
    doc.Info.Description = "Kế hoạch phát triển thương mại điện tử: kế hoạch, chỉ tiêu, nhiệm vụ, cơ quan, đơn vị hành chính (chỉ đọc).";
    return Task.CompletedTask;
}));
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
builder.Services.AddEcomPlanDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ImportJobs>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.Configure<ReportingOptions>(builder.Configuration.GetSection("Reporting"));
builder.Services.AddHostedService<ReportingWorker>();
builder.Services.AddEcomPlanAccounts(builder.Configuration, builder.Environment);

var app = builder.Build();

try
{
    await app.Services.InitialiseDatabaseAsync();
}
catch (EcomPlan.Web.Features.Seeding.PlanFileException e)
{
    app.Logger.LogCritical("Không khởi động được: {Message}", e.Message);
    throw;
}

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
if (!app.Environment.IsDevelopment()) app.UseHsts();
// API errors carry their own ProblemDetails body, so only pages without a body are re-executed here.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization(o =>
{
    o.SetDefaultCulture("vi-VN");
    o.AddSupportedCultures("vi-VN");
    o.AddSupportedUICultures("vi-VN");
});
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapPlanEndpoints();
app.MapAlignmentEndpoints();
app.MapAgencyEndpoints();
app.MapAdministrativeUnitEndpoints();
app.MapDocumentEndpoints();
app.MapPlanEditingEndpoints();
app.MapAccountEndpoints();
app.MapUserAdministrationEndpoints();
app.MapAuditEndpoints();
app.MapProgressEndpoints();
app.MapValueEndpoints();
app.MapIndicatorEndpoints();
app.MapReviewEndpoints();
app.MapIndicatorEditingEndpoints();
app.MapAssessmentEndpoints();
app.MapReportingEndpoints();
app.MapConsolidatedReportEndpoints();
app.MapFallback("/api/{**rest}", (string rest) => Problems.NotFound($"Không có đường dẫn API '/api/{rest}'."))
    .AllowAnonymous().ExcludeFromDescription();
app.MapRazorComponents<App>();

app.Run();

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
