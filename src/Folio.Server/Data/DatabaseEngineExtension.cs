using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Folio.Data;

/// <summary>
/// Carries the <see cref="DatabaseEngine"/> in a context's options, where the context finds it when it is constructed
/// (<see cref="FolioBooks.Engine"/>): the engine is chosen once, with the options, and never looked up again. It adds no
/// services, so contexts share EF's internal service provider exactly as they would without it.
/// </summary>
internal sealed class DatabaseEngineExtension(DatabaseEngine engine) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public DatabaseEngine Engine => engine;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(DatabaseEngineExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Folio:DatabaseEngine"] = extension.Engine.GetType().Name;
    }
}
