namespace CiDoctor.Core;

/// <summary>
/// A problem the user can fix (bad input, bad catalog, missing file). Its message is the one line
/// the CLI prints: what, where, what to do. Hosts turn it into exit code 2.
/// </summary>
public sealed class CiDoctorException : Exception
{
    public CiDoctorException(string message) : base(message)
    {
    }

    public CiDoctorException(string message, Exception inner) : base(message, inner)
    {
    }

    public CiDoctorException()
    {
    }
}
