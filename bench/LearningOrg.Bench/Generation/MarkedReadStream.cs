using System.Diagnostics;
using LearningOrg.Bench.Harness;

namespace LearningOrg.Bench.Generation;

/// <summary>
/// A file read through this stream records, each time the reader passes the next of <paramref name="marks"/> (byte
/// offsets), how long it took since the last one: how long a consumer that reads only as fast as it finishes (an
/// importer with a bounded window) took over that stretch of lines.
/// </summary>
public sealed class MarkedReadStream(Stream inner, IReadOnlyList<long> marks, Latencies intervals) : Stream
{
    private long position;
    private int next;
    private long lastMark = Stopwatch.GetTimestamp();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Passed(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Passed(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Passed(int read)
    {
        position += read;
        while (next < marks.Count && position >= marks[next])
        {
            var now = Stopwatch.GetTimestamp();
            intervals.Add(Stopwatch.GetElapsedTime(lastMark, now));
            lastMark = now;
            next++;
        }
        return read;
    }
}
