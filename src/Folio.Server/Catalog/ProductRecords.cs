using Folio.Access;
using Folio.Api;
using Folio.Domain;
using Folio.Domain.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Catalog;

/// <summary>A new product: what the seller sells, priced by the prices created for it.</summary>
public sealed record CreateProductRequest(string Name, string? Description = null, Dictionary<string, string>? Metadata = null)
{
    public ProductDetails ToDetails() => new(Name, TextFields.Blank(Description), Metadata ?? []);
}

/// <summary>A partial update: a field left out keeps its value, "" clears the description; metadata keys merge, and a key set to "" is removed.</summary>
public sealed record UpdateProductRequest(string? Name = null, string? Description = null, Dictionary<string, string>? Metadata = null)
{
    public ProductDetails MergeInto(ProductDetails current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ProductDetails(Name ?? current.Name, TextFields.Merge(Description, current.Description), MetadataRules.Merge(current.Metadata, Metadata));
    }
}

/// <summary>Filters of <c>GET /v1/products</c>: <c>active=true</c> for unarchived products, <c>false</c> for archived ones.</summary>
public sealed record ProductListQuery(
    [property: FromQuery(Name = "active")] bool? Active = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "page_token")] string? PageToken = null)
{
    /// <summary>What a page token of this list is bound to: the caller's scope and the filter.</summary>
    public ulong Binding(Caller caller)
    {
        var binding = new PageBinding(stackalloc byte[64], PageList.Products, caller);
        binding.Add(Active);
        return binding.Finish();
    }
}

/// <summary>A product; <c>active</c> is false once it is archived.</summary>
public sealed record ProductResponse(
    Guid Id,
    string Name,
    string? Description,
    bool Active,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt,
    int Version)
{
    public static ProductResponse From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new(product.Id, product.Name, product.Description, !product.IsArchived, product.Metadata, product.CreatedAt, product.UpdatedAt, product.ArchivedAt, product.Version);
    }
}
