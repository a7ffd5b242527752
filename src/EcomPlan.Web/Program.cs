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
using EcomPlan.Web.Features.PlanAuthoring;
using EcomPlan.Web.Features.PlanImport;
using EcomPlan.Web.Features.Reporting;
using EcomPlan.Web.Infrastructure;

DatabaseSetup.LoadMigrationAssembliesFromAppFolder();

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot from the build output in every environment, not only Development (tests, `run` in Production).
builder.WebHost.UseStaticWebAssets();

// Small bodies everywhere; the endpoints that take files or large JSON say how much they take (RequestSizeLimit).
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestLimits.DefaultBodyBytes);
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
{
    // Enum values by name only: a number could name no value at all ("kind": 7).
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    // A misspelt field is refused with its name, never silently ignored.
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});
builder.Services.AddPublicSite(builder.Configuration, builder.Environment);
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

// First, so that every answer carries them, errors included.
app.UseSecurityHeaders();
app.UsePublicSite();
// Answers without a body: a ProblemDetails for the API (written inside, so the re-execution outside leaves it
// alone), a page saying what happened for people, whatever the method of the request that failed.
app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
app.UseErrorPagesAsGet();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(Problems.WriteStatusProblem));
app.UseRequestSizeCheck();
app.UseRequestLocalization(o =>
{
    o.SetDefaultCulture("vi-VN");
    o.AddSupportedCultures("vi-VN");
    o.AddSupportedUICultures("vi-VN");
});
app.UseAuthentication();
app.UseRequiredPasswordChange();
app.UseSameOriginApi();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
// Every endpoint's request is checked before its handler runs (nulls, enum values, numbers and dates in range).
var endpoints = app.MapGroup("").AddEndpointFilterFactory(RequestValidation.Factory);
endpoints.MapPlanEndpoints();
endpoints.MapAlignmentEndpoints();
endpoints.MapAgencyEndpoints();
endpoints.MapAdministrativeUnitEndpoints();
endpoints.MapDocumentEndpoints();
endpoints.MapPlanEditingEndpoints();
endpoints.MapAccountEndpoints();
endpoints.MapUserAdministrationEndpoints();
endpoints.MapAuditEndpoints();
endpoints.MapProgressEndpoints();
endpoints.MapValueEndpoints();
endpoints.MapIndicatorEndpoints();
endpoints.MapReviewEndpoints();
endpoints.MapIndicatorEditingEndpoints();
endpoints.MapCatalogueEndpoints();
endpoints.MapAssessmentEndpoints();
endpoints.MapReportingEndpoints();
endpoints.MapConsolidatedReportEndpoints();
endpoints.MapPlanAuthoringEndpoints();
endpoints.MapSignedDecisionEndpoints();
endpoints.MapPlanWorkbookEndpoints();
endpoints.MapPlanTextImportEndpoints();
EcomPlan.Web.Features.Notifications.NotificationEndpoints.MapNotificationEndpoints(endpoints);
app.MapRazorComponents<App>();

app.Run();

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
