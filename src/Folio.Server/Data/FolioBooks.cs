using Folio.ApiKeys;
using Folio.Audit;
using Folio.BillRuns;
using Folio.Domain.Catalog;
using Folio.Domain.Connections;
using Folio.Domain.Credits;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.Domain.Payments;
using Folio.Domain.Subscriptions;
using Folio.Events;
using Folio.Idempotency;
using Folio.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Folio.Data;

/// <summary>
/// Folio's books as a model, shared by the context that changes them (<see cref="FolioDb"/>) and the one that only
/// reads them (<see cref="FolioReadDb"/>): a query that only reads takes this type, so either can serve it. Each feature
/// folder holds the mapping of its own entities.
/// </summary>
public abstract class FolioBooks : DbContext, IDataProtectionKeyContext
{
    protected FolioBooks(DbContextOptions options)
        : base(options)
    {
        WithoutSavepoints();
        Engine = DatabaseEngine.Of(options);
        Clock = options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;
    }

    /// <summary>What differs between the engines, for the engine this context was configured for.</summary>
    public DatabaseEngine Engine { get; }

    /// <summary>The application's clock (the one the server was given), for what a change writes about itself: events, audit entries.</summary>
    public TimeProvider Clock { get; }

    // A change that fails rolls its whole transaction back (Transactions.InTransaction, the bill run), so the savepoint EF
    // would otherwise wrap around every SaveChanges inside a transaction only costs two statements per write.
    private void WithoutSavepoints() => Database.AutoSavepointsEnabled = false;

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceItem> InvoiceItems => Set<InvoiceItem>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<CreditTransaction> CreditTransactions => Set<CreditTransaction>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<BillingConnection> BillingConnections => Set<BillingConnection>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Price> Prices => Set<Price>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<SubscriptionItem> SubscriptionItems => Set<SubscriptionItem>();
    public DbSet<BillRun> BillRuns => Set<BillRun>();
    public DbSet<BillRunLease> BillRunLeases => Set<BillRunLease>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<PastDueNotice> PastDueNotices => Set<PastDueNotice>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    /// <summary>The key ring (<see cref="KeyRing.KeyRingSetup"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FolioBooks).Assembly);

        // snake_case columns, so that the schema reads naturally in psql and sqlite3.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase.From(key.GetDefaultName() ?? string.Empty));
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<InvoiceStatus>().HaveConversion<LowerCaseEnumConverter<InvoiceStatus>>();
        configurationBuilder.Properties<CustomerKind>().HaveConversion<LowerCaseEnumConverter<CustomerKind>>();
        configurationBuilder.Properties<CreditTransactionType>().HaveConversion<LowerCaseEnumConverter<CreditTransactionType>>();
        configurationBuilder.Properties<AccountStatus>().HaveConversion<LowerCaseEnumConverter<AccountStatus>>();
        configurationBuilder.Properties<ApiKeyScope>().HaveConversion<LowerCaseEnumConverter<ApiKeyScope>>();
        configurationBuilder.Properties<PriceType>().HaveConversion<LowerCaseEnumConverter<PriceType>>();
        configurationBuilder.Properties<IntervalUnit>().HaveConversion<LowerCaseEnumConverter<IntervalUnit>>();
        configurationBuilder.Properties<SubscriptionStatus>().HaveConversion<LowerCaseEnumConverter<SubscriptionStatus>>();
        configurationBuilder.Properties<BillRunStatus>().HaveConversion<LowerCaseEnumConverter<BillRunStatus>>();
        configurationBuilder.Properties<WebhookEndpointStatus>().HaveConversion<LowerCaseEnumConverter<WebhookEndpointStatus>>();
        configurationBuilder.Properties<WebhookDeliveryStatus>().HaveConversion<LowerCaseEnumConverter<WebhookDeliveryStatus>>();
        Engine.ConfigureConventions(configurationBuilder);
    }
}
