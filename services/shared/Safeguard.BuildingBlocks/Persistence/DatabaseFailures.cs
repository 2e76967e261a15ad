using System.Net.Sockets;
using Npgsql;

namespace Safeguard.BuildingBlocks.Persistence;

public enum DatabaseFailure
{
    /// <summary>Not a failure to reach the database (a constraint, a bug): the request's own error.</summary>
    None,

    /// <summary>The server cannot be reached, refuses connections, or is shutting down or starting.</summary>
    Outage,

    /// <summary>
    /// The server is up, but every connection of the service's pool stayed busy for the whole connect timeout, or the
    /// server had no connection slot free: load.
    /// </summary>
    Saturated,
}

public static class DatabaseFailures
{
    /// <summary>
    /// Npgsql says so only in the message of the exception it throws when no pooled connection frees within the
    /// timeout (NpgsqlException around a TimeoutException, as for an unreachable server). OverloadTests (Resilience) meets
    /// the real one, so a new wording fails there.
    /// </summary>
    private const string PoolExhausted = "The connection pool has been exhausted";

    public static DatabaseFailure Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 53300: the server has no connection slot free (max_connections), which is load too.
                case PostgresException { SqlState: "53300" }:
                    return DatabaseFailure.Saturated;
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting.
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03"
                        ? DatabaseFailure.Outage
                        : DatabaseFailure.None;
                case NpgsqlException when e.Message.StartsWith(PoolExhausted, StringComparison.Ordinal):
                    return DatabaseFailure.Saturated;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return DatabaseFailure.Outage;
            }
        }
        return DatabaseFailure.None;
    }
}
