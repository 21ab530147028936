// Micro-benchmarks of the hot paths, with the memory diagnoser:
//   dotnet run -c Release --project Tests/Typed.Benchmarks -- --filter '*'
// (add --job short for a quicker, rougher run). The compile-time ones in CPU time, in turns:
//   dotnet run -c Release --project Tests/Typed.Benchmarks -- --compile-time-cpu [rounds]
using BenchmarkDotNet.Running;
using Typed.Benchmarks.Compile;

if (args is [CompileTimeCpuRun.Option, ..])
{
    await CompileTimeCpuRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
