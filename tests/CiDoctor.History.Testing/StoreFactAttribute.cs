using Xunit;
using Xunit.Sdk;

namespace CiDoctor.History.Testing;

/// <summary>
/// A fact of the store contract. xunit 2 has no runtime skip, and a contract test declared once
/// (RunStoreContract, the history commands' contracts) runs for every store subclass, so a fact attribute cannot
/// know which store it is for: <see cref="StoreFactDiscoverer"/> looks at the test class and
/// reports the test skipped, with the reason, when the class's <see cref="RequiresEnvironmentAttribute"/>
/// variable is unset. A missing server never makes a test silently pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("CiDoctor.History.Testing.StoreFactDiscoverer", "CiDoctor.History.Testing")]
public sealed class StoreFactAttribute : FactAttribute
{
}
