using Folio.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.KeyRing;

/// <summary>
/// The keys Folio encrypts and authenticates its own secrets with (page tokens now), kept by ASP.NET Core Data
/// Protection in Folio's database: every Folio process on the same books shares them, and none are written to a file.
/// Keys are read from and written to the primary (<see cref="FolioDb"/>), also when reads go to a standby.
/// </summary>
public static class KeyRingSetup
{
    /// <summary>Processes that name the same application share the key ring; keep it when renaming anything.</summary>
    public const string ApplicationName = "Folio";

    public static IServiceCollection AddFolioKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<FolioDb>()
            // AES-GCM: a payload is 64 bytes longer than what it protects (header, key id, key modifier, nonce, tag), against
            // 84 to 100 with AES-CBC and an HMAC.
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        return services;
    }

    /// <summary>
    /// Makes the key ring's first key now, where migrations run one server at a time (on PostgreSQL, under the migration
    /// lock). Left to first use, each process on a new database would make a key of its own, and what one sealed (a page
    /// token, a webhook secret) another could not open until its ring refreshed, a day later. Data Protection makes the
    /// key the way it would on first use, and its successors days before they are needed, so every process has them in time.
    /// </summary>
    public static void EnsureKey(IDataProtectionProvider? keyRing) => keyRing?.CreateProtector(FirstKeyPurpose).Protect([0]);

    private const string FirstKeyPurpose = "Folio.KeyRing.FirstKey";
}

internal sealed class DataProtectionKeyMapping : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
