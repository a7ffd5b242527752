using BenchmarkDotNet.Running;

namespace EcomPlan.Bench;

/// <summary>
/// dotnet run -c Release --project bench/EcomPlan.Bench -- --filter '*'
/// (not top-level statements: that would be a second global "Program" and hide the web application's).
/// </summary>
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchApp).Assembly).Run(args);
}
