using System.Collections.Concurrent;

namespace Folio.Idempotency;

/// <summary>Route metadata: a POST to this route takes an Idempotency-Key (<see cref="IdempotencyKeys"/>), and how it is kept.</summary>
public sealed record IdempotentPost
{
    /// <summary>The usual: the response is stored in the transaction of the change.</summary>
    public static readonly IdempotentPost InTheChangesTransaction = new();

    /// <summary>
    /// For a change that commits in steps of its own (the bill run, a page per transaction): the response is stored once it
    /// is known. A crash before that leaves no record, and a retry runs again what is itself safe to run again.
    /// </summary>
    public static readonly IdempotentPost AfterItsOwnTransactions = new() { OwnTransactions = true };

    /// <summary>For a response that holds a secret (a new API key): stored sealed by the key ring, never in plaintext.</summary>
    public static readonly IdempotentPost HoldingASecret = new() { SealsResponse = true };

    public bool OwnTransactions { get; private init; }

    public bool SealsResponse { get; private init; }
}

public static class IdempotentPostMetadata
{
    /// <summary>Every POST of the group takes an Idempotency-Key; a route may say how with <see cref="IdempotentPost"/> metadata of its own.</summary>
    public static TBuilder AcceptIdempotencyKeys<TBuilder>(this TBuilder builder, IdempotentPost? how = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(how ?? IdempotentPost.InTheChangesTransaction);
}

/// <summary>The keys this process is answering now: a second request with one of them is refused at once (409).</summary>
public sealed class KeysInFlight
{
    private readonly ConcurrentDictionary<(Guid ApiKeyId, string Key), byte> _keys = new();

    public bool TryTake(Guid apiKeyId, string key) => _keys.TryAdd((apiKeyId, key), 0);

    public void Release(Guid apiKeyId, string key) => _keys.TryRemove((apiKeyId, key), out _);
}
