using EcomPlan.Web.Data;
using EcomPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Features.Accounts.Admin;

/// <summary>A commune as the invitation form offers it: by its name and its province's, never by its code.</summary>
public sealed record CommuneChoice(string Code, string FullName, string ProvinceCode, string ProvinceName)
{
    public string Display => $"{FullName} – {ProvinceName}";
    /// <summary>The words without diacritics, so "dong thap" or "phuong my tho" finds it.</summary>
    public string Search => VietnameseText.Fold(Display);
}

/// <summary>Picks a commune from what an administrator typed: the name chosen from the suggestions, or typed with or without diacritics.</summary>
public static class CommunePicker
{
    public static async Task<List<CommuneChoice>> AllAsync(EcomPlanDbContext db, CancellationToken ct) =>
        (await db.Communes.AsNoTracking()
            .Join(db.Provinces, c => c.ProvinceCode, p => p.Code, (c, p) => new CommuneChoice(c.Code, c.FullName, c.ProvinceCode, p.Name))
            .ToListAsync(ct))
        .OrderBy(c => c.ProvinceName, VietnameseText.Comparer).ThenBy(c => c.FullName, VietnameseText.Comparer).ToList();

    /// <summary>
    /// The commune meant by <paramref name="typed"/> among <paramref name="all"/>, if it is unique and in a province the
    /// administrator may give roles in; otherwise a Vietnamese message for the field. Pure.
    /// </summary>
    public static (CommuneChoice? Commune, string? Error) Resolve(string? typed, IReadOnlyList<CommuneChoice> all, Func<string, bool> allowedProvince)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0) return (null, "Chọn xã, phường: gõ tên (có dấu hoặc không dấu) rồi chọn trong danh sách gợi ý.");
        var folded = VietnameseText.Fold(text);
        var exact = all.Where(c => c.Code == text || string.Equals(c.Display, text, StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = exact.Count > 0 ? exact : all.Where(c => c.Search == folded || VietnameseText.Fold(c.FullName) == folded).ToList();
        if (candidates.Count == 0) candidates = all.Where(c => c.Search.Contains(folded, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0) return (null, $"Không tìm thấy xã, phường \"{text}\". Gõ tên rồi chọn trong danh sách gợi ý.");
        var allowed = candidates.Where(c => allowedProvince(c.ProvinceCode)).ToList();
        if (allowed.Count == 0)
            return (null, $"\"{text}\" thuộc {string.Join(", ", candidates.Select(c => c.ProvinceName).Distinct().Take(3))}, ngoài phạm vi bạn được giao vai trò.");
        if (allowed.Count > 1)
            return (null, $"Có {allowed.Count} xã, phường khớp với \"{text}\" (ví dụ {string.Join("; ", allowed.Take(3).Select(c => c.Display))}). Hãy chọn đúng một trong danh sách gợi ý.");
        return (allowed[0], null);
    }
}
