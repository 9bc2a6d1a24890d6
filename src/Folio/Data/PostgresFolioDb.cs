using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>
/// Folio's books on PostgreSQL. The model is <see cref="FolioDb"/>'s; this type exists because EF keys migrations by
/// context type, so PostgreSQL gets its own (uuid, timestamptz, bigint) beside SQLite's. Handlers still ask for FolioDb.
/// </summary>
public sealed class PostgresFolioDb(DbContextOptions<PostgresFolioDb> options) : FolioDb(options);
