namespace EcomPlan.Web.Features.Accounts.Pages;

/// <summary>Return addresses after sign-in stay on this site: an open redirect would help phishing.</summary>
public static class LocalUrl
{
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
