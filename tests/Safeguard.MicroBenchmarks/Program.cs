using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

namespace Safeguard.MicroBenchmarks;

// Usage (README "Benchmark"): dotnet run -c Release --project tests/Safeguard.MicroBenchmarks -- --filter '*'
// Any BenchmarkDotNet option works after "--": --filter '*RiskModel*', --job short (about 4 minutes in all), --list flat.
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args, DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default).WithOptions(ConfigOptions.JoinSummary));
}
