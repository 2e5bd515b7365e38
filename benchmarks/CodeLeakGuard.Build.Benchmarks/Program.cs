using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CodeLeakGuard.Build.Benchmarks.PackageCheckBenchmarks).Assembly).Run(args);
