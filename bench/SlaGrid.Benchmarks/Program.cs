using SlaGrid.Benchmarks;
using SlaGrid.Benchmarks.Runtime;

// Usage: dotnet run -c Release --project bench/SlaGrid.Benchmarks -- <suite> [--quick] [--only NAME]
// Each suite is dispatched by the first argument, so that other suites can be added beside "runtime".
var suites = new Dictionary<string, Func<BenchOptions, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["runtime"] = RuntimeSuite.RunAsync,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: SlaGrid.Benchmarks <{string.Join('|', suites.Keys)}> [--quick] [--only NAME]");
    return 2;
}

return await suite(BenchOptions.Parse(args[1..]));
