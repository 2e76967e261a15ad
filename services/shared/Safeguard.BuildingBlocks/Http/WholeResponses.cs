using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Safeguard.BuildingBlocks.Http;

/// <summary>
/// A service's answer leaves in one piece, with Content-Length, when it is small (up to <see cref="Limit"/>), as nearly
/// all of them are. Written as it is produced, a JSON answer went out chunked: the gateway then forwarded its body and
/// its closing chunk as two sends, and the caller woke twice for one answer — most of what the gateway added to a
/// read (issue 25 §4). A larger answer, an event stream, or one whose writer turns buffering off goes out as it comes.
/// Placed inside the exception handler: an answer that fails half-written is dropped whole, and the handler's problem
/// response is the only one sent.
/// </summary>
public static class WholeResponses
{
    public const int Limit = 64 * 1024;

    public static IApplicationBuilder UseWholeResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method) || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var whole = new WholeBody(original, context.Response);
        var feature = new WholeBodyFeature(whole, original);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        try
        {
            await next(context);
            await feature.CompleteAsync();
            await whole.SendAsync(context.RequestAborted);
        }
        finally
        {
            context.Features.Set(original);
        }
    });

    private sealed class WholeBodyFeature(WholeBody whole, IHttpResponseBodyFeature original) : StreamResponseBodyFeature(whole, original)
    {
        public override void DisableBuffering()
        {
            whole.PassThrough();
            base.DisableBuffering();
        }
    }

    /// <summary>Keeps what is written until the end, unless it grows past the limit or must stream.</summary>
    private sealed class WholeBody(IHttpResponseBodyFeature original, HttpResponse response) : Stream
    {
        private MemoryStream? _kept = new();
        private bool _passThrough;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void PassThrough() => _passThrough = true;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_kept is not null && (_passThrough || IsEventStream() || _kept.Length + buffer.Length > Limit))
            {
                await ReleaseKeptAsync(cancellationToken);
            }
            if (_kept is null)
            {
                await original.Stream.WriteAsync(buffer, cancellationToken);
                return;
            }
            _kept.Write(buffer.Span);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        // While the answer is kept whole nothing leaves before its end; once it streams, a flush sends what was written.
        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _kept is null ? original.Stream.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override void Flush()
        {
        }

        /// <summary>At the end: the kept answer with its length (a streamed one has already gone).</summary>
        public Task SendAsync(CancellationToken cancellationToken)
        {
            if (_kept is not { Length: > 0 } kept)
            {
                return Task.CompletedTask;
            }
            if (!response.HasStarted && response.ContentLength is null)
            {
                response.ContentLength = kept.Length;
            }
            return ReleaseKeptAsync(cancellationToken);
        }

        private async Task ReleaseKeptAsync(CancellationToken cancellationToken)
        {
            var kept = _kept!;
            _kept = null;
            if (kept.Length > 0)
            {
                await original.Stream.WriteAsync(kept.GetBuffer().AsMemory(0, (int)kept.Length), cancellationToken);
            }
        }

        private bool IsEventStream() =>
            response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
