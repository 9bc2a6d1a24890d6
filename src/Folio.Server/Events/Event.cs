namespace Folio.Events;

/// <summary>
/// Something that happened to the books, written in the same transaction as the change it tells of (a transactional
/// outbox): what <c>GET /v1/events</c> lists and what webhooks deliver. <see cref="Data"/> is the object as the native API
/// rendered it at that moment (JSON text, kept as written so that every delivery and read sends the same bytes).
/// </summary>
public sealed class Event
{
    public const int MaxTypeLength = 64;
    public const int MaxObjectTypeLength = 32;

    public Event(Guid id, string type, DateTimeOffset createdAt, string objectType, Guid objectId, Guid? organizationId, string data)
    {
        Id = id;
        Type = type;
        CreatedAt = createdAt;
        ObjectType = objectType;
        ObjectId = objectId;
        OrganizationId = organizationId;
        Data = data;
    }

    /// <summary>A UUIDv7 from the injected clock, so that events sort by creation.</summary>
    public Guid Id { get; private set; }

    /// <summary>Such as <c>invoice.paid</c>: the object's type, a dot, what happened.</summary>
    public string Type { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The type of <c>data.object</c>: invoice, customer, credit_balance, subscription, bill_run, webhook_endpoint.</summary>
    public string ObjectType { get; private set; }

    public Guid ObjectId { get; private set; }

    /// <summary>The organization whose key may read the event (the object's own or its user's); null: admin keys only.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The object as the native API renders it, JSON.</summary>
    public string Data { get; private set; }

    /// <summary>
    /// When the webhook dispatcher turned the event into deliveries to the endpoints subscribed to it; null until then.
    /// Marked on the event itself, not by a cursor over ids, because events commit in another order than their ids.
    /// </summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    public void MarkDispatched(DateTimeOffset at) => DispatchedAt ??= at;
}
