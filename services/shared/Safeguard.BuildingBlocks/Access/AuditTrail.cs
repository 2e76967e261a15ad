using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>Writes audit entries, and makes the table append-only in the database itself.</summary>
public static class AuditTrail
{
    /// <summary>
    /// Run by the migrate step after migrations (idempotent). The running service's role holds only INSERT and SELECT
    /// on the table (<see cref="DatabaseRoles"/>); the trigger also stops its owner and any other client from
    /// rewriting history.
    /// </summary>
    public const string AppendOnlySql = """
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE OR REPLACE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
          FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE OR REPLACE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
          FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    private static readonly object WrittenKey = new();

    /// <summary>Whether this request's entry is written already (by a record filter or the endpoint).</summary>
    public static bool HasWritten(HttpContext http) => http.Items.ContainsKey(WrittenKey);

    /// <summary>
    /// Records what the request did on its own, through the request's own context once the endpoint is done with
    /// it: a read, or a refused change. The tracker is cleared first: the endpoint may have left a failed change (a
    /// 412) that must not be saved with the entry, nor a transaction it left open (that one rolls back). Not a second
    /// scope and context per request: with them, the audit write was 7 % of risk-assessment's CPU under load.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, string action, string recordType, Guid? recordId, int status, string? recordKey = null)
    {
        var db = http.RequestServices.GetRequiredService<ServiceDbContext>();
        if (db.Database.CurrentTransaction is { } unfinished)
        {
            await unfinished.RollbackAsync(CancellationToken.None);
        }
        db.ChangeTracker.Clear();
        Add(db, http, action, recordType, recordId, status, recordKey);
        // Not the request's token: an answer already computed is still recorded if the client goes away.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>One entry per record a list returned, in one write; one without an id when it returned none.</summary>
    public static async Task WriteManyAsync(HttpContext http, string action, string recordType, IReadOnlyList<Guid> recordIds, int status)
    {
        var db = http.RequestServices.GetRequiredService<ServiceDbContext>();
        db.ChangeTracker.Clear();
        if (recordIds.Count == 0)
        {
            Add(db, http, action, recordType, null, status);
        }
        foreach (var id in recordIds)
        {
            Add(db, http, action, recordType, id, status);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// Adds the entry to <paramref name="db"/>'s pending change, to be committed with it: a change is never
    /// committed without its entry (issue 24 §8).
    /// </summary>
    public static void Add(ServiceDbContext db, HttpContext http, string action, string recordType, Guid? recordId, int status,
        string? recordKey = null)
    {
        http.Items[WrittenKey] = true;
        var caller = http.Caller();
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        db.AuditEntries.Add(new AuditEntry
        {
            At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            Subject = caller.Subject,
            Institution = caller.Institution,
            Roles = string.Join(' ', caller.Roles.Order(StringComparer.Ordinal)),
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            RecordKey = recordKey,
            Endpoint = $"{http.Request.Method} {endpoint?.RoutePattern.RawText}",
            Status = status,
            TraceId = Activity.Current?.TraceId.ToString(),
        });
    }

    /// <summary>
    /// Adds an entry for what the platform itself did to a record, with no request behind it (a retention period that
    /// ended, issue 24 §10), to be committed with that change.
    /// </summary>
    public static void AddBySystem(ServiceDbContext db, DateTimeOffset at, string action, string recordType, Guid recordId, string cause) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            Subject = "system",
            Institution = "PLATFORM",
            Roles = "",
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Endpoint = cause,
            Status = 200,
            TraceId = Activity.Current?.TraceId.ToString(),
        });

    internal static async Task EnsureAppendOnlyAsync(ServiceDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(AppendOnlySql, cancellationToken);
}
