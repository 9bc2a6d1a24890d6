using System.Text.Json;
using Folio.Domain;

namespace Folio.Api;

/// <summary>
/// A JSON value the input rules refuse, thrown while a body is read. The serializer fills in <see cref="JsonException.Path"/>
/// (where the reader stood); <see cref="Member"/> is what lies below it, such as "domains[0]" when a whole object is checked.
/// </summary>
public sealed class RefusedInput : JsonException
{
    /// <param name="reason">Says what is wrong with the field, whose name a problem puts in front of it.</param>
    public RefusedInput(string code, string reason, string? member = null)
        : base(reason)
    {
        Code = code;
        Member = member;
    }

    /// <summary>Why text is refused, after the field's name.</summary>
    public static readonly string TextReason = $"holds text the books cannot keep. {StoredText.Rule}";

    public string Code { get; }

    public string? Member { get; }
}
