using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Benchmarks.Certificates;

/// <summary>
/// One certificate, rendered by the library the app uses (PDFsharp) and by SkiaSharp's PDF
/// backend, in the same run; the same certificate for a right-to-left, CJK-role learner (shaping,
/// bidi and the fallback font all in play); and a CPD record of ten modules, which shares the
/// certificate's text layout. Issue targets for a certificate: median ≤ 20 ms, ≤ 2 MB allocated,
/// file ≤ 100 KB.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class CertificateBenchmarks : IDisposable
{
    private SkiaCertificate _skia = null!;

    public static CertificateModel Model { get; } = new()
    {
        CertificateNumber = "IAPT-2026-000123",
        VerificationCode = "7K3M9QXPABCDEFGH0123456789JK",
        VerificationUrl = new Uri("https://learning.example.nhs.uk/verify/7K3M9QXPABCDEFGH0123456789JK"),
        IssuedAt = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero),
        LearnerName = "Siân O'Brien-Nguyễn",
        JobRole = "Psychological Wellbeing Practitioner",
        ModuleTitle = "Low-intensity CBT: behavioural activation",
        ModuleVersion = "3",
        ContentHash = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b",
        LearningOutcomes =
        [
            "Explain the rationale for behavioural activation to a patient",
            "Build an activity diary with a patient and review it",
            "Plan graded activities that balance routine, pleasure and necessity",
            "Recognise avoidance and plan small, specific steps against it",
        ],
        CpdMinutes = 90,
        ActiveTime = TimeSpan.FromMinutes(72.5),
        AssessmentScorePercent = 85,
        IssuerName = "Example NHS Talking Therapies Service",
    };

    public static CertificateModel RightToLeftModel { get; } = Model with
    {
        LearnerName = "محمد علي",
        JobRole = "דוד כהן / 王小明",
        ModuleTitle = "العلاج السلوكي المعرفي منخفض الشدة: low-intensity CBT",
    };

    public static CpdEntry[] CpdEntries { get; } =
    [
        .. Enumerable.Range(1, 10).Select(i => new CpdEntry(
            i, $"module-{i}", $"Module {i}: low-intensity CBT for Siân O'Brien-Nguyễn, محمد علي and 王小明", "3",
            new DateTime(2026, 3, i, 9, 0, 0, DateTimeKind.Utc), 90, TimeSpan.FromMinutes(72), 85, $"IAPT-2026-{i:000000}",
            "https://learning.example.nhs.uk/verify/7K3M9QXPABCDEFGH0123456789JK", false,
            string.Join(' ', Enumerable.Repeat("Behavioural activation needs a shared diary and a plan.", 8)),
            string.Join(' ', Enumerable.Repeat("I will review the diary with each patient every session.", 6)))),
    ];

    [GlobalSetup]
    public void Setup()
    {
        var fonts = CertificateFontResolver.EnsureAvailable();
        _skia = new SkiaCertificate(fonts.RegularPath, fonts.BoldPath);
        Console.WriteLine($"// Certificate bytes: PDFsharp {PdfSharp().Length:N0}, SkiaSharp {SkiaSharp().Length:N0}");

        // Set to a folder to keep both files for a look (pdffonts shows what each one embeds).
        if (Environment.GetEnvironmentVariable("CERTIFICATE_BENCHMARK_OUTPUT") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, "certificate-pdfsharp.pdf"), PdfSharp());
            File.WriteAllBytes(Path.Combine(folder, "certificate-skiasharp.pdf"), SkiaSharp());
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _skia?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public byte[] PdfSharp() => CertificateDocument.Render(Model);

    [Benchmark]
    public byte[] SkiaSharp() => _skia.Render(Model);

    [Benchmark]
    public byte[] PdfSharpRightToLeft() => CertificateDocument.Render(RightToLeftModel);

    [Benchmark]
    public byte[] CpdRecord() => CpdRecordDocument.Render("محمد علي", CpdEntries, new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(StatisticColumn.Median);
            AddColumn(new FileSizeColumn());
        }
    }

    /// <summary>The size of the PDF each method makes, measured in the host process.</summary>
    private sealed class FileSizeColumn : IColumn
    {
        private readonly Lazy<Dictionary<string, int>> _sizes = new(() =>
        {
            var benchmarks = new CertificateBenchmarks();
            benchmarks.Setup();
            try
            {
                return new Dictionary<string, int>(StringComparer.Ordinal)
                {
                    [nameof(PdfSharp)] = benchmarks.PdfSharp().Length,
                    [nameof(SkiaSharp)] = benchmarks.SkiaSharp().Length,
                    [nameof(PdfSharpRightToLeft)] = benchmarks.PdfSharpRightToLeft().Length,
                    [nameof(CpdRecord)] = benchmarks.CpdRecord().Length,
                };
            }
            finally
            {
                benchmarks.Dispose();
            }
        });

        public string Id => nameof(FileSizeColumn);
        public string ColumnName => "PDF size";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Size;
        public string Legend => "Bytes of the PDF the method returns";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            _sizes.Value.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var size) ? $"{size / 1024.0:N1} KB" : "?";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
