using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Secrets;
using CiDoctor.History.Records;

namespace CiDoctor.History.Recording;

/// <summary>
/// Turns a job log into what the store keeps: the raw lines (format markers and timestamps kept,
/// so the stored log reads like the original with any reader), each masked by one
/// <see cref="SecretMasker"/> in order (PEM blocks span lines), joined by <c>\n</c>, GZip-compressed.
/// Streaming: memory holds one line and the compressed output. Lines longer than
/// <see cref="LineSplitter.MaxLineChars"/> are cut, as every reader cuts them.
/// </summary>
public static class LogCompressor
{
    /// <summary>Compresses <paramref name="source"/>; its raw bytes are also fed to <paramref name="hash"/> when given.</summary>
    public static StoredLog Compress(LogSource source, IncrementalHash? hash = null)
    {
        var (stream, _) = source.Open();
        using var raw = hash is null ? stream : new HashingStream(stream, hash);
        using var splitter = new LineSplitter(raw);
        var masker = new SecretMasker();
        var output = new MemoryStream();
        long bytes = 0;
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            while (splitter.TryReadLine(out string line))
            {
                string masked = masker.MaskLine(line);
                writer.Write(masked);
                writer.Write('\n');
                bytes += Encoding.UTF8.GetByteCount(masked) + 1;
            }
        }
        return new StoredLog(source.Name, bytes, output.ToArray());
    }

    /// <summary>Reads a stored log back as text (for tests and tools).</summary>
    public static string Decompress(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed class HashingStream(Stream inner, IncrementalHash hash) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            hash.AppendData(buffer[..n]);
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
}
