using System.Security.Cryptography;
using System.Text;
using Folio.Access;
using Folio.Api;
using Folio.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the POSTs of the native API, as Stripe and the IETF draft define it. The first request with a
/// key runs in one transaction on the request's <see cref="FolioDb"/> (changes join it: <see cref="Transactions.InTransaction"/>);
/// its response is buffered and, when it succeeded (2xx), stored under the calling API key in that same transaction, so
/// that a crash between the commit and the answer leaves a key that replays the committed result. A refused request
/// changes nothing and stores nothing. A retry is answered with the stored response, byte for byte, with
/// <c>Idempotent-Replayed: true</c>; the same key with another request is 422, and while the first is still running, 409.
/// A request without the header costs nothing here.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next, KeysInFlight inFlight, TimeProvider clock, IDataProtectionProvider protection)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _sealer = protection.CreateProtector("Folio.IdempotentResponses");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(Header, out var values)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentPost>() is not { } how
            || context.Features.Get<Caller>() is not { } caller)
        {
            await next(context);
            return;
        }

        if (values.Count != 1 || values[0] is not { Length: > 0 and <= IdempotencyRecord.MaxKeyLength } key)
        {
            await Problems.Invalid(Header, "invalid_idempotency_key", $"'{Header}' is one value of 1 to {IdempotencyRecord.MaxKeyLength} characters, such as a UUID.")
                .ExecuteAsync(context);
            return;
        }

        if (!inFlight.TryTake(caller.KeyId, key))
        {
            await InUse().ExecuteAsync(context);
            return;
        }

        try
        {
            var body = await ReadBody(context.Request);
            var request = new KeyedRequest(caller.KeyId, key, Fingerprint(context.Request, body), body, how);
            await Answer(context, request);
        }
        finally
        {
            inFlight.Release(caller.KeyId, key);
        }
    }

    private sealed record KeyedRequest(Guid ApiKeyId, string Key, byte[] Fingerprint, byte[] Body, IdempotentPost How);

    private async Task Answer(HttpContext context, KeyedRequest request)
    {
        var db = context.RequestServices.GetRequiredService<FolioDb>();
        var ct = context.RequestAborted;
        var held = await Execute(context, db, request);
        if (held is not null && held.ExpiresAt <= clock.GetUtcNow())
        {
            // A record past its day that the clean-up has not removed yet: the key is free again, and the request runs anew.
            await db.IdempotencyRecords.Where(r => r.ApiKeyId == request.ApiKeyId && r.Key == request.Key && r.ExpiresAt <= clock.GetUtcNow()).ExecuteDeleteAsync(ct);
            context.Response.Clear();
            held = await Execute(context, db, request);
        }

        if (held is null)
        {
            return;
        }

        context.Response.Clear();
        if (!held.Matches(request.Fingerprint))
        {
            await Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency_key_mismatch",
                    $"This {Header} was first used with another request (method, path or body); use a new key for a new request.", Header)
                .ExecuteAsync(context);
            return;
        }

        await Replay(context, held);
    }

    /// <summary>Runs the request; null when its own response was sent, or the record that already holds the key.</summary>
    private async Task<IdempotencyRecord?> Execute(HttpContext context, FolioDb db, KeyedRequest request)
    {
        var ct = context.RequestAborted;
        context.Request.Body = new MemoryStream(request.Body, writable: false);
        var client = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await using var transaction = request.How.OwnTransactions ? null : await db.Database.BeginTransactionAsync(ct);
            await next(context);
            var status = context.Response.StatusCode;
            // A change that was refused rolled the transaction back (InTransaction): that request stores nothing.
            var succeeded = status is >= 200 and < 300 && (transaction is null || db.Database.CurrentTransaction is not null);
            if (succeeded && await Store(context, db, transaction, request, buffer.ToArray(), ct))
            {
                return await Send(buffer, client, ct);
            }

            if (db.Database.CurrentTransaction is not null)
            {
                await db.Database.RollbackTransactionAsync(ct);
            }

            db.ChangeTracker.Clear();
            // A retry of a request that was answered before may be refused now (the invoice it paid is paid): answer as then.
            var held = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKeyId == request.ApiKeyId && r.Key == request.Key, ct);
            return held ?? await Send(buffer, client, ct);
        }
        finally
        {
            context.Response.Body = client;
        }
    }

    /// <summary>Adds the record and commits; false when another request stored the key first (this one's work is rolled back).</summary>
    private async Task<bool> Store(HttpContext context, FolioDb db, IDbContextTransaction? transaction, KeyedRequest request, byte[] body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var headers = context.Response.Headers;
        if (transaction is null)
        {
            db.ChangeTracker.Clear();
        }

        db.IdempotencyRecords.Add(new IdempotencyRecord(
            request.ApiKeyId, request.Key, request.Fingerprint, context.Response.StatusCode, headers.ContentType, headers.Location, headers.ETag,
            request.How.SealsResponse ? _sealer.Protect(body) : body, request.How.SealsResponse, now, now + Lifetime));
        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return true;
        }
        catch (Exception exception) when (db.Engine.IsUniqueViolation(exception))
        {
            return false;
        }
    }

    private static async Task<IdempotencyRecord?> Send(MemoryStream buffer, Stream client, CancellationToken ct)
    {
        buffer.Position = 0;
        await buffer.CopyToAsync(client, ct);
        return null;
    }

    private async Task Replay(HttpContext context, IdempotencyRecord held)
    {
        var response = context.Response;
        response.StatusCode = held.StatusCode;
        response.Headers.ContentType = held.ContentType;
        response.Headers.Location = held.Location;
        response.Headers.ETag = held.ETag;
        response.Headers[ReplayedHeader] = "true";
        var body = held.BodySealed ? _sealer.Unprotect(held.Body) : held.Body;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InUse() =>
        Problems.Create(StatusCodes.Status409Conflict, "idempotency_key_in_use",
            $"A request with this {Header} is still being answered; retry once it has finished.", Header);

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        return body.ToArray();
    }

    /// <summary>SHA-256 of the method, the path with its query, and the body.</summary>
    private static byte[] Fingerprint(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
