using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Web.Infrastructure;

/// <summary>An entity edited through forms: every save increments its revision, a concurrency token.</summary>
public interface IRevised
{
    int Revision { get; set; }
}

public static class Revisions
{
    /// <summary>
    /// Saves only if the row is still at the revision the form was loaded at: the update says "where Revision =
    /// loaded", so a save in between makes it fail (DbUpdateConcurrencyException) instead of being overwritten.
    /// </summary>
    public static void Expect<T>(this DbContext db, T entity, int loaded) where T : class, IRevised
    {
        db.Entry(entity).Property(nameof(IRevised.Revision)).OriginalValue = loaded;
        entity.Revision = loaded + 1;
    }
}
