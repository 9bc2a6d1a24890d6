using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Folio.Data;

/// <summary>
/// Writes many rows of one entity type in the caller's transaction, outside the change tracker: new rows with PostgreSQL
/// binary COPY or one prepared SQLite INSERT run row after row; changed rows with one UPDATE per row by key (on
/// PostgreSQL all in one round trip). Columns, conversions and parameters come from the EF model (the type mappings
/// SaveChanges uses), so a row written here reads back exactly as one EF wrote. For writers of thousands of rows (the
/// bill run), where tracking and command building cost more than the database does. An update writes every column and
/// checks no concurrency token: the caller holds the rows' locks.
/// </summary>
public static class BulkWrites
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Type), Table> Tables = new();

    public static Task Insert<T>(FolioDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class => Write(db, rows, update: false, cancellationToken);

    public static Task Update<T>(FolioDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class => Write(db, rows, update: true, cancellationToken);

    private static async Task Write<T>(FolioDb db, IReadOnlyCollection<T> rows, bool update, CancellationToken cancellationToken)
        where T : class
    {
        var (table, connection, transaction) = Prepare<T>(db, rows);
        if (rows.Count == 0)
        {
            return;
        }

        var write = (connection, update) switch
        {
            (NpgsqlConnection postgres, false) => Copy(postgres, table, rows, cancellationToken),
            (NpgsqlConnection postgres, true) => InOneBatch(postgres, table.UpdateSql, table.UpdateColumns, rows, cancellationToken),
            (_, false) => OneByOne(connection, transaction, table.InsertSql, table.Columns, rows, cancellationToken),
            (_, true) => OneByOne(connection, transaction, table.UpdateSql, table.UpdateColumns, rows, cancellationToken),
        };
        await write;
    }

    private static (Table Table, DbConnection Connection, DbTransaction Transaction) Prepare<T>(FolioDb db, IReadOnlyCollection<T> rows)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var table = Tables.GetOrAdd((db.Model, typeof(T)), static key => Table.Of(key.Model, key.Type));
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the caller's transaction.");
        return (table, db.Database.GetDbConnection(), transaction);
    }

    private static async Task Copy<T>(NpgsqlConnection connection, Table table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync(table.CopySql, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.ProviderValue(row) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task InOneBatch<T>(NpgsqlConnection connection, string sql, Column[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var batch = connection.CreateBatch();
        await using var factory = connection.CreateCommand();
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var column in columns)
            {
                command.Parameters.Add((NpgsqlParameter)column.Parameter(factory, row));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task OneByOne<T>(DbConnection connection, DbTransaction transaction, string sql, Column[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                // Made once, as EF makes them; the type a mapping gives a parameter never depends on its value.
                parameters = [.. columns.Select(c => c.Parameter(command, row))];
                command.Parameters.AddRange(parameters);
            }
            else
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed record Column(string Name, string ParameterName, IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
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

    /// <summary>A table's columns in the order of the model, and its statements; <see cref="UpdateColumns"/> ends with the key, for the WHERE.</summary>
    private sealed record Table(Column[] Columns, string InsertSql, string CopySql, Column[] UpdateColumns, string UpdateSql)
    {
        public static Table Of(IModel model, Type type)
        {
            var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the model.");
            var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
            var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
            var columns = entityType.GetFlattenedProperties()
                .Select((property, i) => property.IsShadowProperty() || ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum && property.GetTypeMapping().Converter is null)
                    ? throw new NotSupportedException($"{type.Name}.{property.Name} is a shadow property or an enum stored as a number; a bulk write writes what the object holds, converted.")
                    : new Column(
                        property.GetColumnName(store) ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no column."),
                        $"@p{i}",
                        property,
                        property.GetRelationalTypeMapping(),
                        property.GetGetter()))
                .ToArray();
            var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            var key = entityType.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{type.Name} has no key.");
            Column[] set = [.. columns.Where(c => !key.Contains(c.Property))];
            Column[] where = [.. columns.Where(c => key.Contains(c.Property))];
            return new Table(
                columns,
                $"INSERT INTO \"{name}\" ({names}) VALUES ({string.Join(", ", columns.Select(c => c.ParameterName))})",
                $"COPY \"{name}\" ({names}) FROM STDIN (FORMAT BINARY)",
                [.. set, .. where],
                $"UPDATE \"{name}\" SET {string.Join(", ", set.Select(c => $"\"{c.Name}\" = {c.ParameterName}"))} WHERE {string.Join(" AND ", where.Select(c => $"\"{c.Name}\" = {c.ParameterName}"))}");
        }
    }
}
