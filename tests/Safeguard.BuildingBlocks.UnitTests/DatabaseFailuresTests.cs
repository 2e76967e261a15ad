using System.Net.Sockets;
using Npgsql;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.UnitTests;

public sealed class DatabaseFailuresTests
{
    [Fact]
    public void A_pool_with_no_connection_free_is_load_not_an_outage() =>
        Assert.Equal(DatabaseFailure.Saturated, DatabaseFailures.Classify(new InvalidOperationException("wrapped",
            new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 20) or 'Timeout' (currently 5 seconds) in your connection string.",
                new TimeoutException()))));

    [Fact]
    public void A_server_with_no_connection_slot_free_is_load() =>
        Assert.Equal(DatabaseFailure.Saturated, DatabaseFailures.Classify(new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300")));

    [Theory]
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P03")] // the server is starting
    [InlineData("08006")] // connection failure
    public void A_server_going_away_or_starting_is_an_outage(string sqlState) =>
        Assert.Equal(DatabaseFailure.Outage, DatabaseFailures.Classify(new PostgresException("down", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void A_refused_or_timed_out_connection_is_an_outage()
    {
        Assert.Equal(DatabaseFailure.Outage, DatabaseFailures.Classify(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(DatabaseFailure.Outage, DatabaseFailures.Classify(new NpgsqlException("Timeout during connecting", new TimeoutException())));
    }

    [Fact]
    public void A_request_error_is_not_a_database_failure()
    {
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
        Assert.Equal(DatabaseFailure.None, DatabaseFailures.Classify(new InvalidOperationException("a bug")));
    }
}
