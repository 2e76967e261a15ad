using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.BuildingBlocks.Http;

namespace Safeguard.BuildingBlocks.UnitTests;

/// <summary>A service's small answers leave whole with Content-Length; large ones and event streams still stream (issue 25 §4).</summary>
public sealed class WholeResponsesTests
{
    private readonly MemoryStream _sent = new();

    [Fact]
    public async Task A_small_json_answer_leaves_whole_with_its_length()
    {
        var context = await RunAsync(async http =>
        {
            await http.Response.WriteAsJsonAsync(new { id = "case-1", level = "high" });
            Assert.Equal(0, _sent.Length); // nothing has left before the end, although the JSON writer flushed
        });

        Assert.Equal("{\"id\":\"case-1\",\"level\":\"high\"}", Encoding.UTF8.GetString(_sent.ToArray()));
        Assert.Equal(_sent.Length, context.Response.ContentLength);
    }

    [Fact]
    public async Task An_answer_larger_than_the_limit_streams_without_a_length()
    {
        var large = new string('x', WholeResponses.Limit + 1);
        var context = await RunAsync(http => http.Response.WriteAsync(large));

        Assert.Equal(large.Length, _sent.Length);
        Assert.Null(context.Response.ContentLength);
    }

    [Fact]
    public async Task An_event_stream_leaves_as_it_is_written()
    {
        await RunAsync(async http =>
        {
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync("data: first\n\n");
            await http.Response.Body.FlushAsync();
            Assert.Equal("data: first\n\n", Encoding.UTF8.GetString(_sent.ToArray()));
        });
    }

    [Fact]
    public async Task An_answer_whose_writer_turns_buffering_off_leaves_as_it_is_written()
    {
        await RunAsync(async http =>
        {
            http.Features.Get<IHttpResponseBodyFeature>()!.DisableBuffering();
            await http.Response.WriteAsync("part");
            await http.Response.Body.FlushAsync();
            Assert.Equal(4, _sent.Length);
        });
    }

    [Fact]
    public async Task An_answer_that_fails_half_written_sends_nothing_of_itself()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(async http =>
        {
            await http.Response.WriteAsync("{\"id\":");
            throw new InvalidOperationException("failed while writing");
        }));

        Assert.Equal(0, _sent.Length);
    }

    private async Task<HttpContext> RunAsync(Func<HttpContext, Task> endpoint)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseWholeResponses();
        app.Run(context => endpoint(context));
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(_sent));
        await app.Build()(context);
        return context;
    }
}
