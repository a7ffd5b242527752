namespace EcomPlan.Web.Features.Accounts.Pages;

/// <summary>Return addresses after sign-in stay on this site: an open redirect would help phishing.</summary>
public static class LocalUrl
{
    /// <summary>
    /// The address when it is a path of this site, else "/". Browsers read "//host", "/\host" and a tab or line break
    /// after the first slash as another host, so those are refused (the rule of ASP.NET's IsLocalUrl).
    /// </summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";
}
