namespace CoalitionBot.Documents;

/// <summary>A read-only stream that counts what it reads and refuses to go past a cap (for inflating zip parts).</summary>
internal sealed class CappedStream(Stream inner, long cap) : Stream
{
    public long Consumed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Consumed; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Consumed += read;
        if (Consumed > cap)
        {
            throw new MemoImportException($"The Word file expands to more than {DocxLimits.MaxDecompressedBytes / (1024 * 1024)} MB when unpacked; it cannot be imported.");
        }

        return read;
    }

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
}
