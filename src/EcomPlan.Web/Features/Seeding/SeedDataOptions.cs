namespace EcomPlan.Web.Features.Seeding;

/// <summary>Where the reference data and plan files are read from (configuration section "SeedData").</summary>
public sealed class SeedDataOptions
{
    /// <summary>Folder holding plans/, documents/ and admin/. Defaults to SeedData beside the application.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "SeedData");

    public string PlansFolder => System.IO.Path.Combine(Path, "plans");
    public string DocumentsFolder => System.IO.Path.Combine(Path, "documents");
    public string AdminFolder => System.IO.Path.Combine(Path, "admin");
}
