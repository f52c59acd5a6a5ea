using BenchmarkDotNet.Running;
using IaptLearning.Benchmarks.Certificates;
using IaptLearning.Benchmarks.Reports;

if (args is ["reports-memory"])
{
    await ExportMemory.RunAsync();
    return;
}

if (args is ["reports-sql"])
{
    await ReportsSql.PrintAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CertificateBenchmarks).Assembly).Run(args);
