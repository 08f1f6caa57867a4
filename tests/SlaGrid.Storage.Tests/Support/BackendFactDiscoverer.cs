using Xunit.Abstractions;
using Xunit.Sdk;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>Discovers <see cref="BackendFactAttribute"/> facts as <see cref="BackendTestCase"/>s.</summary>
public sealed class BackendFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new BackendTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}
