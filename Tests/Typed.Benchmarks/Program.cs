// Micro-benchmarks of the hot paths, with the memory diagnoser:
//   dotnet run -c Release --project Tests/Typed.Benchmarks -- --filter '*'
// (add --job short for a quicker, rougher run).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
