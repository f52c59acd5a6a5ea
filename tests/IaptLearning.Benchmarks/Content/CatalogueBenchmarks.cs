using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IaptLearning.Content;

namespace IaptLearning.Benchmarks.Content;

/// <summary>Target: the whole generated catalogue (200 modules × 10 lessons) loads in 1 s or less.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class CatalogueLoadBenchmarks
{
    private string _root = "";

    [GlobalSetup]
    public void Setup()
    {
        _root = CatalogueGenerator.Write(Path.Combine(Path.GetTempPath(), "iapt-bench-load-" + Guid.NewGuid().ToString("N")), 200, 10);
        var catalog = new ContentLoader().Load(_root);
        if (catalog.ErrorCount > 0 || catalog.Modules.Count() != 200)
        {
            throw new InvalidOperationException("generated catalogue is not valid: " + catalog.Diagnostics.FirstOrDefault());
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public ContentCatalog LoadWholeCatalogue() => new ContentLoader().Load(_root);

    [Benchmark]
    public ContentCatalog LoadWholeCatalogueOneThread() => new ContentLoader(new ContentLoaderOptions { MaxDegreeOfParallelism = 1 }).Load(_root);
}

/// <summary>Target: after one lesson file changes, the reload takes 20 ms or less.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 5, iterationCount: 40, invocationCount: 1)]
public class LessonReloadBenchmarks
{
    private string _root = "";
    private string _lessonPath = "";
    private ContentCatalog _catalog = null!;
    private readonly ContentLoader _loader = new();
    private int _variant;

    [GlobalSetup]
    public void Setup()
    {
        _root = CatalogueGenerator.Write(Path.Combine(Path.GetTempPath(), "iapt-bench-reload-" + Guid.NewGuid().ToString("N")), 200, 10);
        _catalog = _loader.Load(_root);
        _lessonPath = Path.Combine(_root, "module-100", CatalogueGenerator.LessonFile(4));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [IterationSetup]
    public void ChangeOneLesson() =>
        File.WriteAllText(_lessonPath, CatalogueGenerator.Lesson(4, 10, new Random(_variant), ++_variant));

    [Benchmark]
    public ContentCatalog ReloadOneChangedLesson()
    {
        var next = _loader.Reload(_catalog, [_lessonPath]);
        if (next.ErrorCount > 0)
        {
            throw new InvalidOperationException(next.Diagnostics[0].ToString());
        }

        _catalog = next;
        return next;
    }
}
