using BenchmarkDotNet.Running;

// The clinical engine's benchmarks (issue 2): `bench/engine.sh` runs them all in Release and the
// results go to docs/performance.md. Any BenchmarkDotNet option works: `-- --filter '*Load*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
