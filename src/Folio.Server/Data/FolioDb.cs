using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>Folio's books on the primary: every change, and every read that must see a change the same request made.</summary>
public sealed class FolioDb(DbContextOptions<FolioDb> options) : FolioBooks(options);
