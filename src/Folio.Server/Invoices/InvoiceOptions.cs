namespace Folio.Invoices;

/// <summary>Seller-wide invoice settings, from the <c>Folio:Invoices</c> configuration section.</summary>
public sealed class InvoiceOptions
{
    public const string Section = "Folio:Invoices";

    /// <summary>The number pattern, such as {yyyy}-{seq:0000}; see <see cref="Domain.Numbering.NumberPattern"/>.</summary>
    public string NumberPattern { get; set; } = Domain.Numbering.NumberPattern.Default;

    /// <summary>Days from finalization to the due date when a draft names neither due_at nor days_until_due.</summary>
    public int DefaultDaysUntilDue { get; set; } = 30;

    /// <summary>Numbering scope: each seller has its own gapless sequence.</summary>
    public string Seller { get; set; } = "default";

    public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvoiceOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => Domain.Numbering.NumberPattern.TryParse(o.NumberPattern, out _, out _), $"{Section}:NumberPattern is not a valid number pattern: it needs one {{seq}} and only {{yyyy}}, {{yy}}, {{MM}} placeholders.")
            .Validate(o => o.DefaultDaysUntilDue is >= 0 and <= 3650, $"{Section}:DefaultDaysUntilDue is from 0 to 3650.")
            .ValidateOnStart();
        return services;
    }
}
