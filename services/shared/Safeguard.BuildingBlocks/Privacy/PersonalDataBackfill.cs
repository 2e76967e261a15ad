using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>
/// Runs at every start, after migrations: encrypts values stored before their column was protected and
/// re-encrypts values under a key that is no longer the default (rotation) or was revoked. A migration
/// cannot do this itself: the keys are outside the database. Only values not under the current key are read.
/// </summary>
public static class PersonalDataBackfill
{
    private const int PageSize = 500;

    /// <returns>How many values were (re-)encrypted.</returns>
    public static async Task<int> RunAsync(DbContext db, PersonalDataProtector? protector, CancellationToken cancellationToken)
    {
        var columns = ProtectedColumns(db.Model).ToList();
        if (columns.Count == 0)
        {
            return 0;
        }
        if (protector is null)
        {
            throw new InvalidOperationException("This service has encrypted columns but no PersonalDataProtector is registered (AddPersonalDataProtection).");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var changed = 0;
            // Values already under the current key are left in the database: a start reads only what needs work.
            var current = protector.CurrentKeyPrefix + "%";
            foreach (var column in columns)
            {
                changed += await ReProtectColumnAsync(connection, column, protector, current, cancellationToken);
            }
            return changed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record ProtectedColumn(string Table, string Key, string Column);

    private static IEnumerable<ProtectedColumn> ProtectedColumns(IModel model) =>
        from entity in model.GetEntityTypes()
        let table = entity.GetTableName()
        where table is not null
        let store = StoreObjectIdentifier.Table(table, entity.GetSchema())
        from property in entity.GetProperties()
        where property.IsPersonalData()
        select new ProtectedColumn(
            Quote(table),
            Quote(entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!),
            Quote(property.GetColumnName(store)!));

    private static async Task<int> ReProtectColumnAsync(NpgsqlConnection connection, ProtectedColumn c, PersonalDataProtector protector, string current,
        CancellationToken cancellationToken)
    {
        var changed = 0;
        object? after = null;
        while (true)
        {
            // Paged by key so a large table is never held in memory at once.
            var page = new List<(object Key, string Stored)>();
            await using (var read = connection.CreateCommand())
            {
                // Base64 has no LIKE wildcards (% or _), so the prefix matches literally.
                read.CommandText = after is null
                    ? $"SELECT {c.Key}, {c.Column} FROM {c.Table} WHERE {c.Column} NOT LIKE @current ORDER BY {c.Key} LIMIT {PageSize}"
                    : $"SELECT {c.Key}, {c.Column} FROM {c.Table} WHERE {c.Column} NOT LIKE @current AND {c.Key} > @after ORDER BY {c.Key} LIMIT {PageSize}";
                read.Parameters.AddWithValue("current", current);
                if (after is not null)
                {
                    read.Parameters.AddWithValue("after", after);
                }
                await using DbDataReader reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetValue(0), reader.GetString(1)));
                }
            }
            foreach (var (key, stored) in page)
            {
                if (protector.ReProtect(stored) is not { } protectedValue)
                {
                    continue;
                }
                // Compare-and-set: a request that changed the value meanwhile wins, and its value is already encrypted.
                await using var update = connection.CreateCommand();
                update.CommandText = $"UPDATE {c.Table} SET {c.Column} = @value WHERE {c.Key} = @key AND {c.Column} = @stored";
                update.Parameters.AddWithValue("value", protectedValue);
                update.Parameters.AddWithValue("key", key);
                update.Parameters.AddWithValue("stored", stored);
                changed += await update.ExecuteNonQueryAsync(cancellationToken);
            }
            if (page.Count < PageSize)
            {
                return changed;
            }
            after = page[^1].Key;
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
