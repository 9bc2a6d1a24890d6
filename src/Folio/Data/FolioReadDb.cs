using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>
/// Folio's books for list and detail reads. With <c>FOLIO_DATABASE_READ</c> on PostgreSQL it reaches a hot standby (the
/// primary when no standby answers); otherwise it is the primary. Every change, and every read that must see a change
/// the same request made, uses <see cref="FolioDb"/>, which is always the primary.
/// </summary>
public sealed class FolioReadDb(DbContextOptions<FolioReadDb> options) : FolioDb(options);
