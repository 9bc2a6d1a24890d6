using Folio.Data;
using Folio.Domain;
using Folio.Domain.Catalog;
using Folio.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

/// <summary>
/// Turns the lines of a request into line specs. A line written by hand is taken as sent; a line that names a catalog
/// price takes the price's money terms and, unless it has its own, its description. Prices are read once per request.
/// </summary>
public static class InvoiceLines
{
    /// <summary>One line as asked, with the field that names it in refusals ("items[2]", or "item" for a single line).</summary>
    public sealed record Asked(InvoiceItemRequest? Request, string Field);

    public static IReadOnlyList<Asked> Of(IReadOnlyList<InvoiceItemRequest?> items, string field = "items")
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Select((item, i) => new Asked(item, $"{field}[{i}]"))];
    }

    /// <summary>
    /// The specs of <paramref name="lines"/> for an invoice in <paramref name="currency"/>, or every reason some cannot be
    /// made. The prices used stay as read (there, unarchived) until the caller's transaction ends. A price in
    /// <paramref name="onInvoice"/> (the draft's lines already come from it) may be used again even if archived since.
    /// </summary>
    public static async Task<(IReadOnlyList<LineItemSpec> Lines, IReadOnlyList<RuleViolation> Violations)> Resolve(
        FolioDb db, IReadOnlyList<Asked> lines, string currency, IReadOnlySet<Guid>? onInvoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lines);
        var priceIds = lines.Select(l => l.Request?.PriceId).OfType<Guid>().Distinct().ToList();
        var prices = new Dictionary<Guid, Price>();
        var products = new Dictionary<Guid, Product>();
        if (priceIds.Count > 0)
        {
            // A price never changes product, so the products read before the locks are the ones to lock.
            var productIds = await db.Prices.Where(p => priceIds.Contains(p.Id)).Select(p => p.ProductId).Distinct().ToListAsync(cancellationToken);
            await db.KeepCatalog(productIds, priceIds, cancellationToken);
            prices = await db.Prices.AsNoTracking().Where(p => priceIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        }

        var specs = new List<LineItemSpec>(lines.Count);
        var violations = new List<RuleViolation>();
        var sound = new List<(LineItemSpec Spec, string Field)>();
        foreach (var (request, field) in lines)
        {
            if (request is null)
            {
                // Left for the invoice to refuse with the rest of its lines.
                specs.Add(null!);
                continue;
            }

            var (spec, refusals) = Make(request, field, prices, products, currency, onInvoice ?? new HashSet<Guid>());
            violations.AddRange(refusals);
            if (spec is not null)
            {
                specs.Add(spec);
                sound.Add((spec, field));
            }
        }

        // When some lines cannot be made, the others are still checked, so that one answer names every problem.
        return violations.Count > 0 ? ([], [.. violations, .. sound.SelectMany(line => line.Spec.Validate(line.Field))]) : (specs, []);
    }

    private static (LineItemSpec? Spec, IReadOnlyList<RuleViolation> Violations) Make(
        InvoiceItemRequest request, string field, Dictionary<Guid, Price> prices, Dictionary<Guid, Product> products, string currency, IReadOnlySet<Guid> onInvoice)
    {
        if (request.PriceId is not { } priceId)
        {
            var missing = Missing(request, field).ToList();
            return missing.Count > 0 ? (null, missing) : (request.ToSpec(), []);
        }

        var violations = SetByPrice(request, field).ToList();
        if (!prices.TryGetValue(priceId, out var price) || !products.TryGetValue(price.ProductId, out var product))
        {
            violations.Add(RuleViolation.Unprocessable("price_not_found", "No price has that id.", $"{field}.price_id"));
        }
        else if (price.CheckBillable(product, currency, $"{field}.price_id", onInvoice.Contains(priceId)) is { } refused)
        {
            violations.Add(refused);
        }
        else if (violations.Count == 0)
        {
            return (price.Bill(request.ToSpec(), product), []);
        }

        return (null, violations);
    }

    private static IEnumerable<RuleViolation> Missing(InvoiceItemRequest request, string field)
    {
        if (request.Description is null)
        {
            yield return RuleViolation.Invalid($"{field}.description", "missing_field", "'description' is required on a line without price_id.");
        }

        if (request.UnitAmount is null)
        {
            yield return RuleViolation.Invalid($"{field}.unit_amount", "missing_field", "'unit_amount' is required on a line without price_id.");
        }
    }

    private static IEnumerable<RuleViolation> SetByPrice(InvoiceItemRequest request, string field)
    {
        foreach (var (name, given) in new[] { ("unit_amount", request.UnitAmount is not null), ("tax_rate", request.TaxRate is not null), ("tax_inclusive", request.TaxInclusive is not null) })
        {
            if (given)
            {
                yield return RuleViolation.Invalid($"{field}.{name}", "set_by_price", $"A line with price_id takes {name} from the price; leave it out, or write the line without price_id.");
            }
        }
    }
}
