namespace CiDoctor.History.Testing;

/// <summary>
/// On a test class: its <see cref="StoreFactAttribute"/> tests are reported as skipped, with
/// <paramref name="reason"/>, when environment variable <paramref name="variable"/> is unset.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;
}
