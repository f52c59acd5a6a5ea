using BenchmarkDotNet.Running;
using IaptLearning.Benchmarks.Certificates;

BenchmarkSwitcher.FromAssembly(typeof(CertificateBenchmarks).Assembly).Run(args);
