using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Folio.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) for each model it runs on. EF binds a compiled query to the first model it meets and refuses any other, and Folio has
/// one model per context type (<see cref="FolioDb"/>, <see cref="FolioReadDb"/>) and engine: a query that takes
/// <see cref="FolioBooks"/> is compiled once for each.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _compiled = new();

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
    }
}
