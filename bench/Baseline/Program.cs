using Folio.Bench.Baseline;

// The hand-written baseline of the load benchmark: GET /v1/invoices/{id} and GET /v1/invoices?customer_id=…&limit=…
// with Folio's JSON, read straight from Folio's database (FOLIO_DATABASE: a SQLite file, read with Microsoft.Data.Sqlite,
// or a PostgreSQL connection string, read with Npgsql). No EF, no auth.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var database = builder.Configuration["FOLIO_DATABASE"];
if (string.IsNullOrWhiteSpace(database))
{
    throw new InvalidOperationException("Set FOLIO_DATABASE to a seeded Folio SQLite file or PostgreSQL connection string (Host=...).");
}

// BASELINE_MODE=minimal (default): plain ADO.NET, fresh commands per request. tuned: statements prepared once per connection.
var tuned = string.Equals(builder.Configuration["BASELINE_MODE"], "tuned", StringComparison.OrdinalIgnoreCase);
builder.Services.AddSingleton(new InvoiceStore(database, reuseSessions: tuned));

var app = builder.Build();
var store = app.Services.GetRequiredService<InvoiceStore>();
app.MapGet("/v1/invoices/{id}", (HttpContext context) => store.Get(context));
app.MapGet("/v1/invoices", (HttpContext context) => store.List(context));
app.MapGet("/healthz", () => "alive");
await app.RunAsync();
