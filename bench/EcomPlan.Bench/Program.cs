using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/EcomPlan.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(EcomPlan.Bench.BenchApp).Assembly).Run(args);
