using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Data;

/// <summary>
/// Writes many rows of one entity type in the caller's transaction, outside the change tracker, each engine its fastest
/// way (PostgreSQL binary COPY and one round trip of updates, SQLite one prepared statement run row after row). Columns,
/// conversions and parameters come from the EF model (the type mappings SaveChanges uses), so a row written here reads
/// back exactly as one EF wrote. For writers of thousands of rows (the bill run), where tracking and command building
/// cost more than the database does. An update writes every column and checks no concurrency token: the caller holds
/// the rows' locks.
/// </summary>
public static class BulkWrites
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Type), BulkTable> Tables = new();

    public static Task Insert<T>(FolioDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class => Write(db, rows, update: false, cancellationToken);

    public static Task Update<T>(FolioDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class => Write(db, rows, update: true, cancellationToken);

    private static async Task Write<T>(FolioDb db, IReadOnlyCollection<T> rows, bool update, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var table = Tables.GetOrAdd((db.Model, typeof(T)), static key => BulkTable.Of(key.Model, key.Type));
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the caller's transaction.");
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        await (update
            ? db.Engine.BulkUpdate(table, connection, transaction, rows, cancellationToken)
            : db.Engine.BulkInsert(table, connection, transaction, rows, cancellationToken));
    }
}

/// <summary>A column of a <see cref="BulkTable"/>: its name, the parameter that carries it, and how EF converts its value.</summary>
internal sealed record BulkColumn(string Name, string ParameterName, IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
{
    public string StoreType => Mapping.StoreTypeNameBase;

    public object? ProviderValue(object row)
    {
        var value = Getter.GetClrValueUsingContainingEntity(row);
        return value is null || Mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);
    }

    /// <summary>The parameter as EF makes it (converter, type, the text form of a Guid on SQLite).</summary>
    public DbParameter Parameter(DbCommand command, object row) =>
        Mapping.CreateParameter(command, ParameterName, Getter.GetClrValueUsingContainingEntity(row), Property.IsNullable);
}

/// <summary>
/// A table's columns in the order of the model, and its statements; <see cref="UpdateColumns"/> ends with the key, for
/// the WHERE. <see cref="Name"/> and <see cref="ColumnList"/> are quoted, ready for SQL.
/// </summary>
internal sealed record BulkTable(string Name, BulkColumn[] Columns, string ColumnList, string InsertSql, BulkColumn[] UpdateColumns, string UpdateSql)
{
    public static BulkTable Of(IModel model, Type type)
    {
        var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the model.");
        var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
        var columns = entityType.GetFlattenedProperties()
            .Select((property, i) => property.IsShadowProperty() || ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum && property.GetTypeMapping().Converter is null)
                ? throw new NotSupportedException($"{type.Name}.{property.Name} is a shadow property or an enum stored as a number; a bulk write writes what the object holds, converted.")
                : new BulkColumn(
                    property.GetColumnName(store) ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no column."),
                    $"@p{i}",
                    property,
                    property.GetRelationalTypeMapping(),
                    property.GetGetter()))
            .ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var key = entityType.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{type.Name} has no key.");
        BulkColumn[] set = [.. columns.Where(c => !key.Contains(c.Property))];
        BulkColumn[] where = [.. columns.Where(c => key.Contains(c.Property))];
        return new BulkTable(
            $"\"{name}\"",
            columns,
            names,
            $"INSERT INTO \"{name}\" ({names}) VALUES ({string.Join(", ", columns.Select(c => c.ParameterName))})",
            [.. set, .. where],
            $"UPDATE \"{name}\" SET {string.Join(", ", set.Select(c => $"\"{c.Name}\" = {c.ParameterName}"))} WHERE {string.Join(" AND ", where.Select(c => $"\"{c.Name}\" = {c.ParameterName}"))}");
    }
}
