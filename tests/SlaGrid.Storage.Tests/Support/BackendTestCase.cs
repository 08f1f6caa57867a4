using SlaGrid.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>A contract-suite test case whose skip reason depends on the concrete class's backend.</summary>
public sealed class BackendTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BackendTestCase()
    {
    }

    public BackendTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var explicitSkip = base.GetSkipReason(factAttribute);
        if (explicitSkip is not null)
        {
            return explicitSkip;
        }

        var needsPostgres = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        return needsPostgres && TestEnvironment.PostgresConnectionString is null && !TestEnvironment.IsCi
            ? "PostgreSQL (SLAGRID_TEST_PG) is not available on this machine (run ./test.sh); skipped outside CI."
            : null!;
    }
}
