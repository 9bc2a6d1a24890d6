using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Idempotency;

/// <summary>
/// The first answer to a POST sent with an Idempotency-Key, under the API key that sent it: written in the transaction of
/// the change it answers, so that a key the books hold always names a change they hold, and replayed byte for byte.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    public IdempotencyRecord(Guid apiKeyId, string key, byte[] fingerprint, int statusCode, string? contentType, string? location, string? eTag,
        byte[] body, bool bodySealed, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        ApiKeyId = apiKeyId;
        Key = key;
        Fingerprint = fingerprint;
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        ETag = eTag;
        Body = body;
        BodySealed = bodySealed;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid ApiKeyId { get; private set; }

    /// <summary>The client's key, as sent: 1 to 255 characters.</summary>
    public string Key { get; private set; }

    /// <summary>SHA-256 of the method, the path with its query and the body: the same key with another request is refused.</summary>
    public byte[] Fingerprint { get; private set; }

    public int StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? ETag { get; private set; }

    /// <summary>The body as sent; sealed by the key ring when it holds a secret (a new API key's).</summary>
    public byte[] Body { get; private set; }

    public bool BodySealed { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public bool Matches(ReadOnlySpan<byte> fingerprint) => fingerprint.SequenceEqual(Fingerprint);
}

internal sealed class IdempotencyRecordMapping : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.ApiKeyId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(32);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.Property(r => r.ETag).HasMaxLength(200);
        // The clean-up deletes the expired ones, oldest first.
        builder.HasIndex(r => r.ExpiresAt);
    }
}
