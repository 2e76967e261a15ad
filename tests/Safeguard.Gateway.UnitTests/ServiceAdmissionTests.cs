using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Gateway.Shield;

namespace Safeguard.Gateway.UnitTests;

public sealed class ServiceAdmissionTests
{
    private readonly FakeTimeProvider _clock = new();

    private ServiceAdmission WithLimits(int concurrency, int queueLimit, int queueMilliseconds = 50, int minConcurrency = 1, int targetMilliseconds = 0,
        int standingQueueMilliseconds = 50) =>
        new(_ => new ServiceAdmission.Limits(concurrency, minConcurrency, queueLimit, TimeSpan.FromMilliseconds(queueMilliseconds),
            TimeSpan.FromMilliseconds(standingQueueMilliseconds), TimeSpan.FromMilliseconds(targetMilliseconds)), _clock);

    [Fact]
    public async Task A_request_past_the_services_turns_and_queue_is_refused_at_once()
    {
        var admission = WithLimits(concurrency: 2, queueLimit: 0);
        using var first = await admission.EnterAsync("risk-assessment", CancellationToken.None);
        using var second = await admission.EnterAsync("risk-assessment", CancellationToken.None);
        Assert.NotNull(first);
        Assert.NotNull(second);

        Assert.Null(await admission.EnterAsync("risk-assessment", CancellationToken.None));
    }

    [Fact]
    public async Task A_request_that_waited_its_queue_time_without_a_turn_is_refused()
    {
        var admission = WithLimits(concurrency: 1, queueLimit: 5, queueMilliseconds: 20);
        using var held = await admission.EnterAsync("safety-plan", CancellationToken.None);

        Assert.Null(await admission.EnterAsync("safety-plan", CancellationToken.None));
        // It left the queue: the next one waits in it again rather than finding it full.
        Assert.Null(await admission.EnterAsync("safety-plan", CancellationToken.None));
    }

    [Fact]
    public async Task A_queued_request_gets_the_turn_that_frees()
    {
        var admission = WithLimits(concurrency: 1, queueLimit: 1, queueMilliseconds: 60_000);
        var held = await admission.EnterAsync("reintegration", CancellationToken.None);
        var queued = admission.EnterAsync("reintegration", CancellationToken.None).AsTask();
        Assert.False(queued.IsCompleted);
        // The queue of one is full.
        Assert.Null(await admission.EnterAsync("reintegration", CancellationToken.None));

        held!.Dispose();

        using var turn = await queued;
        Assert.NotNull(turn);
    }

    [Fact]
    public async Task In_a_burst_the_queue_is_served_oldest_first()
    {
        var admission = WithLimits(concurrency: 1, queueLimit: 5, queueMilliseconds: 60_000, standingQueueMilliseconds: 60_000);
        var held = await admission.EnterAsync("risk-assessment", CancellationToken.None);
        var first = admission.EnterAsync("risk-assessment", CancellationToken.None).AsTask();
        _clock.Advance(Turns.StandingAfter / 2);
        var second = admission.EnterAsync("risk-assessment", CancellationToken.None).AsTask();

        held!.Dispose();

        using var turn = await first;
        Assert.False(second.IsCompleted);
        turn!.Dispose();
        (await second)!.Dispose();
    }

    [Fact]
    public async Task Once_the_queue_stands_the_newest_request_is_served_first_and_waits_only_briefly()
    {
        var admission = WithLimits(concurrency: 1, queueLimit: 5, queueMilliseconds: 60_000, standingQueueMilliseconds: 60_000);
        var held = await admission.EnterAsync("risk-assessment", CancellationToken.None);
        var oldest = admission.EnterAsync("risk-assessment", CancellationToken.None).AsTask();
        _clock.Advance(Turns.StandingAfter);
        var newest = admission.EnterAsync("risk-assessment", CancellationToken.None).AsTask();

        held!.Dispose();

        using var turn = await newest;
        Assert.NotNull(turn);
        Assert.False(oldest.IsCompleted);

        // With a short standing-queue time, a newcomer behind a standing queue gives up after it; the oldest still waits.
        var brief = WithLimits(concurrency: 1, queueLimit: 5, queueMilliseconds: 60_000, standingQueueMilliseconds: 20);
        using var busy = await brief.EnterAsync("safety-plan", CancellationToken.None);
        var waiting = brief.EnterAsync("safety-plan", CancellationToken.None).AsTask();
        _clock.Advance(Turns.StandingAfter);
        Assert.Null(await brief.EnterAsync("safety-plan", CancellationToken.None));
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task One_services_load_leaves_the_others_turns_alone()
    {
        var admission = WithLimits(concurrency: 1, queueLimit: 0);
        using var busy = await admission.EnterAsync("risk-assessment", CancellationToken.None);
        Assert.Null(await admission.EnterAsync("risk-assessment", CancellationToken.None));

        using var other = await admission.EnterAsync("training-registry", CancellationToken.None);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task A_caller_that_goes_away_while_queued_is_not_answered()
    {
        var admission = WithLimits(concurrency: 1, queueLimit: 1, queueMilliseconds: 60_000);
        using var held = await admission.EnterAsync("notification", CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var queued = admission.EnterAsync("notification", gone.Token).AsTask();

        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
    }

    [Fact]
    public async Task Slow_answers_shrink_the_turns_and_quick_ones_bring_them_back()
    {
        var admission = WithLimits(concurrency: 20, queueLimit: 0, minConcurrency: 4, targetMilliseconds: 200);
        var turns = admission.Of("risk-assessment");

        await AnswerAsync(admission, count: 10, each: TimeSpan.FromMilliseconds(600));
        Assert.Equal(15, turns.Limit);
        for (var i = 0; i < 10; i++)
        {
            await AnswerAsync(admission, count: 10, each: TimeSpan.FromMilliseconds(600));
        }
        Assert.Equal(4, turns.Limit);

        // Only 4 at once now: the fifth is refused.
        var held = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admission.EnterAsync("risk-assessment", CancellationToken.None).AsTask()));
        Assert.All(held, Assert.NotNull);
        Assert.Null(await admission.EnterAsync("risk-assessment", CancellationToken.None));
        foreach (var turn in held)
        {
            turn!.Dispose();
        }

        for (var i = 0; i < 30; i++)
        {
            await AnswerAsync(admission, count: 10, each: TimeSpan.FromMilliseconds(20));
        }
        Assert.Equal(20, turns.Limit);
    }

    [Fact]
    public async Task Without_a_target_the_turns_stay_fixed()
    {
        var admission = WithLimits(concurrency: 8, queueLimit: 0, minConcurrency: 2, targetMilliseconds: 0);

        await AnswerAsync(admission, count: 50, each: TimeSpan.FromSeconds(5));

        Assert.Equal(8, admission.Of("risk-assessment").Limit);
    }

    /// <summary>A window of answers: one at a time, each taking <paramref name="each"/>, then a second passes.</summary>
    private async Task AnswerAsync(ServiceAdmission admission, int count, TimeSpan each)
    {
        for (var i = 0; i < count; i++)
        {
            var turn = await admission.EnterAsync("risk-assessment", CancellationToken.None);
            _clock.Advance(each);
            if (i == count - 1)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
            turn!.Dispose();
        }
    }

    [Fact]
    public void Settings_per_service_override_the_gateways()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Admission:Concurrency"] = "8",
            ["Gateway:Admission:Services:notification:Concurrency"] = "2",
            ["Gateway:Admission:Services:notification:QueueMilliseconds"] = "1000",
            ["Gateway:Admission:Services:notification:TargetMilliseconds"] = "0",
        }).Build();

        Assert.Equal(ServiceAdmission.Defaults with { Concurrency = 8 }, ServiceAdmission.LimitsOf(configuration, "risk-assessment"));
        Assert.Equal(ServiceAdmission.Defaults with
        {
            Concurrency = 2, MinConcurrency = 2, QueueTimeout = TimeSpan.FromSeconds(1), TargetLatency = TimeSpan.Zero,
        }, ServiceAdmission.LimitsOf(configuration, "notification"));
    }

    [Fact]
    public void A_websocket_an_event_stream_and_a_cluster_set_off_take_no_turn()
    {
        var page = new DefaultHttpContext();
        Assert.False(ServiceAdmission.Exempts(page, new Dictionary<string, string>()));

        var live = new DefaultHttpContext();
        live.Features.Set<IHttpWebSocketFeature>(new UpgradableToWebSocket());
        Assert.True(ServiceAdmission.Exempts(live, null));

        var stream = new DefaultHttpContext();
        stream.Request.Headers.Accept = "text/event-stream";
        Assert.True(ServiceAdmission.Exempts(stream, null));

        Assert.True(ServiceAdmission.Exempts(page, new Dictionary<string, string> { [ServiceAdmission.MetadataKey] = "off" }));
    }

    private sealed class UpgradableToWebSocket : IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => true;

        public Task<System.Net.WebSockets.WebSocket> AcceptAsync(WebSocketAcceptContext context) => throw new NotSupportedException();
    }
}
