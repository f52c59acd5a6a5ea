using System.Text;
using IaptLearning.Web.Features.Reports;
using IaptLearning.Web.Features.Records;
using Microsoft.EntityFrameworkCore;

namespace IaptLearning.Web.Tests.Features.Reports;

[Collection(WebAppTests.Name)]
public class RecordsCsvTests(WebAppFixture app)
{
    private async Task<(ReportsSeed Seed, byte[] Bytes, List<string[]> Rows)> ExportAsync(Func<ReportsSeed, TestPerson> manager, RecordFilter filter)
    {
        var seed = await ReportsSeed.GetAsync(app);
        var scope = await seed.ScopeAsync(app, manager(seed).Id);
        return await app.ExecuteDbAsync(async db =>
        {
            using var stream = new MemoryStream();
            var count = await RecordsCsv.WriteAsync(stream, new RecordQuery(db, scope, ReportsSeed.Now).Sorted(filter).AsAsyncEnumerable(), slug => "Title of " + slug);
            var bytes = stream.ToArray();
            var rows = CsvText.Parse(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
            Assert.Equal(count + 1, rows.Count);
            return (seed, bytes, rows);
        });
    }

    [Fact]
    public async Task WriteAsync_ByteOrderMarkAndEsrHeaders()
    {
        var (_, bytes, rows) = await ExportAsync(s => s.ManagerA, new RecordFilter());

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(RecordsCsv.Headers, rows[0]);
        Assert.All(rows, r => Assert.Equal(RecordsCsv.Headers.Count, r.Length));
    }

    [Fact]
    public async Task WriteAsync_FormulaCells_Neutralised()
    {
        var (_, _, rows) = await ExportAsync(s => s.ManagerA, new RecordFilter());
        var names = rows.Skip(1).Select(r => r[1]).ToHashSet(StringComparer.Ordinal);
        var certificateColumn = RecordsCsv.Headers.ToList().IndexOf("Certificate number");
        var certificates = rows.Skip(1).Select(r => r[certificateColumn]).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("'=cmd|' /C calc'!A0", names);
        Assert.Contains("'+Plus Person", names);
        Assert.Contains("'-Minus\nLine", names);
        Assert.Contains("'+SUM(1)", certificates);
        Assert.All(rows.Skip(1).SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
    }

    [Fact]
    public async Task WriteAsync_ManagerOfB_TabCarriageReturnAndAtNeutralised()
    {
        var (_, _, rows) = await ExportAsync(s => s.ManagerB, new RecordFilter());
        var names = rows.Skip(1).Select(r => r[1]).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("'@Bob Bryn", names);
        Assert.Contains("'\tTab Person", names);
        Assert.Contains("'\rMoved Carriage", names);
    }

    [Fact]
    public async Task WriteAsync_SpecialCharacters_RoundTrip()
    {
        var (seed, _, rows) = await ExportAsync(s => s.ManagerA, new RecordFilter { Search = "Siân" });

        Assert.Equal(3, rows.Count);
        var row = rows[1];
        Assert.Equal("Siân Ŵyn 😀, \"Jr\"", row[1]);
        Assert.Equal($"a3-{seed.ModuleOne[8..16]}@example.nhs.uk", row[2]);
        Assert.Equal(["Service A", "A one", "Psychological wellbeing practitioner"], row[3..6]);
        Assert.Equal("Title of " + seed.ModuleOne, row[6]);
        // No "New starter joined": these people were in their team long before the dates.
        Assert.Equal(["", "Overdue", "04/03/2026", "", "", "", "", "No"], row[7..]);
        Assert.Equal(["1.2.0", "Completed", "", "", "10/02/2026", "75", "'+SUM(1)", "No"], rows[2][7..]);
    }

    [Theory]
    [InlineData(RecordSort.Name, false, null)]
    [InlineData(RecordSort.Due, true, null)]
    [InlineData(RecordSort.Score, false, RecordStatus.Completed)]
    [InlineData(RecordSort.Status, true, null)]
    [InlineData(RecordSort.Completed, false, null)]
    public async Task WriteAsync_EqualsTheFilteredTableAcrossEveryPage(RecordSort sort, bool descending, RecordStatus? status)
    {
        var filter = new RecordFilter { Sort = sort, Descending = descending, Status = status };
        var (seed, _, rows) = await ExportAsync(s => s.ManagerC, filter);
        var scope = await seed.ScopeAsync(app, seed.ManagerC.Id);
        await app.ExecuteDbAsync(async db =>
        {
            var query = new RecordQuery(db, scope, ReportsSeed.Now);
            var table = new List<string?[]>();
            var first = await query.PageAsync(filter);
            for (var page = 1; page <= first.PageCount; page++)
            {
                table.AddRange((await query.PageAsync(filter with { Page = page })).Rows.Select(r => RecordsCsv.Cells(r, slug => "Title of " + slug).ToArray()));
            }

            Assert.True(table.Count > RecordFilter.PageSize || status is not null, "Not vacuous: more than one page.");
            Assert.Equal(table.Count, rows.Count - 1);
            Assert.Equal(table.Select(r => string.Join('|', r.Select(c => Csv.Cell(c)))), rows.Skip(1).Select(r => string.Join('|', r.Select(c => Csv.Cell(c)))));
        });
    }
}
