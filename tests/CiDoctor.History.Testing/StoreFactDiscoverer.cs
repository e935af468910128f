using Xunit.Abstractions;
using Xunit.Sdk;

namespace CiDoctor.History.Testing;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests: skipped, with a reason, when the test class needs an unset variable.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var requires = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        string? variable = requires?.GetConstructorArguments().FirstOrDefault() as string;
        if (variable is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            string reason = requires!.GetConstructorArguments().Skip(1).FirstOrDefault() as string ?? $"{variable} is not set";
            return [new SkippedTestCase(diagnostics, display, displayOptions, testMethod, reason)];
        }
        return [new XunitTestCase(diagnostics, display, displayOptions, testMethod)];
    }
}
