using System.Diagnostics;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Benchmarks.Reports;

/// <summary>
/// How much memory the full CSV export holds at once (`-- reports-memory`): the managed heap and
/// the working set are sampled every 5 ms while the admin's export of every row streams to a
/// null stream, and the peaks are compared with the baseline just before.
/// </summary>
public static class ExportMemory
{
    public static async Task RunAsync()
    {
        await ReportsDatabase.EnsureAsync();
        foreach (var who in new[] { "service manager", "admin" })
        {
            var scope = await ReportsBenchmarks.ScopeAsync(who);
            await ExportAsync(scope); // Warm: compile the query and load the code once.

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var setBefore = process.WorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long heapPeak = heapBefore, setPeak = setBefore;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                    process.Refresh();
                    setPeak = Math.Max(setPeak, process.WorkingSet64);
                    await Task.Delay(5);
                }
            });
            var watch = Stopwatch.StartNew();
            var rows = await ExportAsync(scope);
            watch.Stop();
            await stop.CancelAsync();
            await sampler;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Console.WriteLine($"{who}: {rows:N0} rows in {watch.ElapsedMilliseconds:N0} ms; allocated {Mb(allocated)}; " +
                $"peak managed heap growth {Mb(heapPeak - heapBefore)}; peak working set growth {Mb(setPeak - setBefore)}");
        }
    }

    private static async Task<int> ExportAsync(Web.Features.Records.StaffScope scope)
    {
        await using var db = new AppDbContext(ReportsDatabase.Options());
        var rows = new RecordQuery(db, scope, ReportsDatabase.Now).Sorted(new RecordFilter()).AsAsyncEnumerable();
        return await RecordsCsv.WriteAsync(Stream.Null, rows, slug => slug);
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
