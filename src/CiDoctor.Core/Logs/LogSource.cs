namespace CiDoctor.Core.Logs;

/// <summary>
/// One job log to read: a file, stdin, or an entry of an archive. Opening it checks the head
/// (first 64 KiB): an empty log or a binary one (a NUL byte in the first 8 KiB) is refused with
/// a <see cref="CiDoctorException"/>, because neither can be diagnosed.
/// </summary>
public sealed class LogSource
{
    /// <summary>Bytes read first, to detect the format (and to see whether the log is small).</summary>
    public const int HeadBytes = 64 * 1024;
    private const int BinaryProbeBytes = 8 * 1024;
    private readonly Func<Stream> _open;

    public LogSource(string name, string? where, Func<Stream> open)
    {
        Name = name;
        Where = where ?? name;
        _open = open;
    }

    /// <summary>The name reports use for the file (relative path, entry name, or <c>-</c> for stdin).</summary>
    public string Name { get; }

    /// <summary>Where the log is, for error messages (full path, archive!entry).</summary>
    public string Where { get; }

    /// <summary>
    /// False when a second <see cref="Open"/> would not give the same bytes (stdin): what reads a
    /// log again after the diagnosis (<see cref="Diagnosis.LogExcerpts"/>) then does without.
    /// </summary>
    public bool CanReopen { get; init; } = true;

    public static LogSource FromFile(string path, string name) =>
        new(name, path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));

    /// <summary>The same log, with every read reported to <paramref name="onRead"/> (bytes read), for progress displays.</summary>
    public LogSource Counted(Action<int> onRead) => new(Name, Where, () => new CountingStream(_open(), onRead));

    /// <summary>Opens the log and returns a stream positioned at its start, plus its head bytes.</summary>
    public (Stream Stream, byte[] Head) Open()
    {
        Stream stream;
        try
        {
            stream = _open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CiDoctorException($"cannot read {Where}: {e.Message}", e);
        }
        byte[] head = new byte[HeadBytes];
        int filled = 0;
        while (filled < head.Length)
        {
            int n = stream.Read(head, filled, head.Length - filled);
            if (n == 0)
            {
                break;
            }
            filled += n;
        }
        Array.Resize(ref head, filled);
        if (filled == 0)
        {
            stream.Dispose();
            throw new CiDoctorException($"{Where}: the log is empty; nothing to diagnose (check that the job produced output)");
        }
        if (head.AsSpan(0, Math.Min(filled, BinaryProbeBytes)).Contains((byte)0))
        {
            stream.Dispose();
            throw new CiDoctorException($"{Where}: this is binary data, not a text log (NUL bytes in the first 8 KiB); pass the job's log file");
        }
        return (new PrefixedStream(head, stream), head);
    }

    /// <summary>A stream that returns <c>prefix</c> and then the rest of <c>inner</c>.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : ReadOnlyStream
    {
        private int _pos;

        public override int Read(Span<byte> buffer)
        {
            if (_pos < prefix.Length)
            {
                int n = Math.Min(buffer.Length, prefix.Length - _pos);
                prefix.AsSpan(_pos, n).CopyTo(buffer);
                _pos += n;
                return n;
            }
            return inner.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>A read-only stream that reports how many bytes each read returned.</summary>
internal sealed class CountingStream(Stream inner, Action<int> onRead) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        if (n > 0)
        {
            onRead(n);
        }
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
