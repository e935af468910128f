using CiDoctor.Core.Logs;
using CiDoctor.History.Recording;
using CiDoctor.Testing;

namespace CiDoctor.History.Tests.Recording;

public class LogCompressorTests
{
    [Fact]
    public void Compress_MasksSecretsLineByLine_IncludingAPemBlock_AndKeepsLineNumbers()
    {
        using var dir = new TempDir();
        string log = "step 1\r\nAuthorization: Bearer abc.def\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nQWERTY\n-----END RSA PRIVATE KEY-----\nprogress\r50%\rdone\n";
        var source = LogSource.FromFile(dir.Write("job.log", log), "job.log");

        var stored = LogCompressor.Compress(source);
        string text = LogCompressor.Decompress(stored.Content);

        Assert.Equal("step 1\nAuthorization: Bearer ***\n-----BEGIN PRIVATE KEY----- ***\n***\n***\n***\nprogress\n50%\ndone\n", text);
        Assert.Equal(text.Length, stored.Bytes);
        Assert.Equal("job.log", stored.Name);
    }

    [Fact]
    public void FailureSignature_SameFailureOnAnotherRun_HasTheSameSignature()
    {
        string a = FailureSignature.Of("resource.disk-full", "error: writing /tmp/tmp.Ab12 failed after 12.5s (pid 4711)");
        string b = FailureSignature.Of("resource.disk-full", "error: writing /tmp/tmp.Zz99 failed after 3.1s (pid 12)");
        Assert.Equal(a, b);
        Assert.Equal("unknown: ", FailureSignature.Of(null, null));
    }
}
