using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Folio.Domain.Numbering;

/// <summary>
/// An invoice number pattern such as "{yyyy}-{seq:0000}" (2026-0001) or "INV-{yy}{MM}-{seq}". The sequence restarts
/// whenever the date part it contains changes: yearly with {yyyy} or {yy}, monthly with {MM}, never without a date.
/// </summary>
public sealed partial class NumberPattern
{
    public const string Default = "{yyyy}-{seq:0000}";

    private readonly List<Token> _tokens;

    private NumberPattern(string text, List<Token> tokens)
    {
        Text = text;
        _tokens = tokens;
    }

    public string Text { get; }

    public static bool TryParse(string? text, out NumberPattern pattern, out string error)
    {
        pattern = null!;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            error = "A number pattern is 1 to 100 characters.";
            return false;
        }

        var tokens = new List<Token>();
        var position = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            if (match.Index > position)
            {
                tokens.Add(new Token(TokenKind.Literal, text[position..match.Index]));
            }

            var name = match.Groups["name"].Value;
            var format = match.Groups["format"].Value;
            Token? token = name switch
            {
                "yyyy" => new Token(TokenKind.Year4, string.Empty),
                "yy" => new Token(TokenKind.Year2, string.Empty),
                "MM" => new Token(TokenKind.Month, string.Empty),
                "seq" when format.Length == 0 || format.All(c => c == '0') => new Token(TokenKind.Sequence, format),
                _ => null,
            };
            if (token is null)
            {
                error = $"Unknown placeholder '{match.Value}': use {{yyyy}}, {{yy}}, {{MM}} and {{seq}} or {{seq:0000}}.";
                return false;
            }

            tokens.Add(token);
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            tokens.Add(new Token(TokenKind.Literal, text[position..]));
        }

        if (tokens.Count(t => t.Kind == TokenKind.Sequence) != 1)
        {
            error = "A number pattern needs exactly one {seq} placeholder.";
            return false;
        }

        if (tokens.Any(t => t.Kind == TokenKind.Month) && !tokens.Any(t => t.Kind is TokenKind.Year4 or TokenKind.Year2))
        {
            error = "{MM} needs {yyyy} or {yy} beside it, or numbers would repeat a year later.";
            return false;
        }

        if (tokens.Any(t => t.Kind == TokenKind.Literal && (t.Value.Contains('{', StringComparison.Ordinal) || t.Value.Contains('}', StringComparison.Ordinal))))
        {
            error = "Braces are only allowed around placeholders.";
            return false;
        }

        pattern = new NumberPattern(text, tokens);
        return true;
    }

    public static NumberPattern Parse(string text) =>
        TryParse(text, out var pattern, out var error) ? pattern : throw new FormatException(error);

    /// <summary>The numbering period a date falls in: numbers in the same period share one gapless sequence.</summary>
    public string PeriodKey(DateTimeOffset issuedAt)
    {
        var utc = issuedAt.UtcDateTime;
        if (_tokens.Any(t => t.Kind == TokenKind.Month))
        {
            return utc.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        return _tokens.Any(t => t.Kind is TokenKind.Year4 or TokenKind.Year2)
            ? utc.ToString("yyyy", CultureInfo.InvariantCulture)
            : "all";
    }

    public string Format(DateTimeOffset issuedAt, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        var utc = issuedAt.UtcDateTime;
        var builder = new StringBuilder();
        foreach (var token in _tokens)
        {
            builder.Append(token.Kind switch
            {
                TokenKind.Literal => token.Value,
                TokenKind.Year4 => utc.ToString("yyyy", CultureInfo.InvariantCulture),
                TokenKind.Year2 => utc.ToString("yy", CultureInfo.InvariantCulture),
                TokenKind.Month => utc.ToString("MM", CultureInfo.InvariantCulture),
                _ => sequence.ToString(token.Value.Length == 0 ? "0" : token.Value, CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<format>[^}]*))?\}")]
    private static partial Regex Placeholder();

    private enum TokenKind
    {
        Literal,
        Year4,
        Year2,
        Month,
        Sequence,
    }

    private sealed record Token(TokenKind Kind, string Value);
}
