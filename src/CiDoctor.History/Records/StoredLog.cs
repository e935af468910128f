namespace CiDoctor.History.Records;

/// <summary>A job log as stored: masked line by line, lines joined by <c>\n</c>, GZip-compressed.</summary>
/// <param name="Name">The log's name in its run (its relative path).</param>
/// <param name="Bytes">Uncompressed size of the masked log.</param>
public sealed record StoredLog(string Name, long Bytes, byte[] Content)
{
    /// <summary>The encoding of <see cref="Content"/>; the only one written so far.</summary>
    public const string Gzip = "gzip";
}
