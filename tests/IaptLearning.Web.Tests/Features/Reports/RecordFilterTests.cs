using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Reports;
using IaptLearning.Web.Features.Records;
using Microsoft.Extensions.Primitives;

namespace IaptLearning.Web.Tests.Features.Reports;

public class RecordFilterTests
{
    private static (RecordFilter Filter, IReadOnlyList<FieldError> Errors) Parse(params (string Key, string Value)[] query) =>
        RecordFilter.Parse(query.Select(q => new KeyValuePair<string, StringValues>(q.Key, q.Value)));

    [Fact]
    public void Parse_EveryFilter_ReadsIt()
    {
        var (filter, errors) = Parse(("team", "3"), ("service", "2"), ("role", "counsellor"), ("module", "long-covid"), ("status", "OVERDUE"),
            ("duefrom", "2026-04-01"), ("dueto", "30/6/2026"), ("q", "  Siân "), ("sort", "due"), ("dir", "desc"), ("page", "4"));

        Assert.Empty(errors);
        Assert.Equal(new RecordFilter
        {
            TeamId = 3, ServiceId = 2, JobRole = JobRole.Counsellor, Module = "long-covid", Status = RecordStatus.Overdue,
            DueFrom = new DateOnly(2026, 4, 1), DueTo = new DateOnly(2026, 6, 30), Search = "Siân", Sort = RecordSort.Due, Descending = true, Page = 4,
        }, filter);
    }

    [Fact]
    public void Parse_Nothing_DefaultsToEveryoneByName()
    {
        var (filter, errors) = Parse(("team", ""), ("q", "   "));

        Assert.Empty(errors);
        Assert.Equal(new RecordFilter(), filter);
        Assert.Equal("", filter.ToQueryString());
    }

    [Theory]
    [InlineData("team", "abc", "Team must be chosen from the list")]
    [InlineData("team", "-1", "Team must be chosen from the list")]
    [InlineData("service", "0", "Service must be chosen from the list")]
    [InlineData("role", "3", "Choose a job role from the list")]
    [InlineData("role", "Surgeon", "Choose a job role from the list")]
    [InlineData("module", "../etc", "Choose a module from the list")]
    [InlineData("status", "done", "Choose a status from the list")]
    [InlineData("sort", "password", "Sort by one of the column headings")]
    [InlineData("dir", "sideways", "Sort order must be ascending or descending")]
    [InlineData("page", "0", "Page must be a whole number from 1")]
    [InlineData("page", "1e3", "Page must be a whole number from 1")]
    public void Parse_BadValue_ExplainsAndIgnoresIt(string key, string value, string message)
    {
        var (filter, errors) = Parse((key, value), ("q", "kept"));

        var error = Assert.Single(errors);
        Assert.Equal(key, error.Field);
        Assert.Equal(message, error.Message);
        Assert.Equal(new RecordFilter { Search = "kept" }, filter);
    }

    [Theory]
    [InlineData("duefrom", "31/02/2026", "The earliest due date must be a real date, for example 27 3 2026")]
    [InlineData("dueto", "tomorrow", "The latest due date must be a real date, for example 27 3 2026")]
    [InlineData("dueto", "1066-10-14", "The latest due date must be between the years 1900 and 2200")]
    public void Parse_BadDateInALink_ExplainedAndLinkedToTheDayBox(string key, string value, string message)
    {
        var (filter, errors) = Parse((key, value), ("q", "kept"));

        var error = Assert.Single(errors);
        Assert.Equal(message, error.Message);
        Assert.StartsWith(key + "-", error.Field, StringComparison.Ordinal);
        Assert.Equal(new RecordFilter { Search = "kept" }, filter);
    }

    [Fact]
    public void Parse_DateInputBoxes_ReadAsTheDateAndWinOverALinkValue()
    {
        var (filter, errors) = Parse(("duefrom-day", "1"), ("duefrom-month", "4"), ("duefrom-year", "2026"), ("duefrom", "2020-01-01"),
            ("dueto-day", " 30 "), ("dueto-month", "06"), ("dueto-year", "2026"));

        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2026, 4, 1), filter.DueFrom);
        Assert.Equal(new DateOnly(2026, 6, 30), filter.DueTo);
        // Links keep one ISO value, so paging and sorting keep the dates typed in the boxes.
        Assert.Contains("duefrom=2026-04-01", filter.ToQueryString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31", "2", "2026", "dueto-day", "The latest due date must be a real date")]
    [InlineData("3", "", "2026", "dueto-month", "The latest due date must include a month")]
    [InlineData("3", "4", "26", "dueto-year", "Year must include 4 numbers")]
    public void Parse_BadDateInputBoxes_LinkedToTheFirstBoxInError(string day, string month, string year, string field, string message)
    {
        var (filter, errors) = Parse(("dueto-day", day), ("dueto-month", month), ("dueto-year", year));

        Assert.Equal(new FieldError(field, message), Assert.Single(errors));
        Assert.Null(filter.DueTo);
    }

    [Fact]
    public void Parse_SearchTooLong_Ignored()
    {
        var (filter, errors) = Parse(("q", new string('a', RecordFilter.MaxSearchLength + 1)));

        Assert.Equal("q", Assert.Single(errors).Field);
        Assert.Null(filter.Search);
    }

    [Fact]
    public void Parse_DueRangeBackwards_DropsTheEnd()
    {
        var (filter, errors) = Parse(("duefrom", "2026-05-01"), ("dueto", "2026-04-01"));

        Assert.Equal("The latest due date must be the same as or after the earliest due date", Assert.Single(errors).Message);
        Assert.Equal(new DateOnly(2026, 5, 1), filter.DueFrom);
        Assert.Null(filter.DueTo);
    }

    [Fact]
    public void ToQueryString_ParsedAgain_GivesTheSameFilter()
    {
        var filter = new RecordFilter
        {
            TeamId = 7, JobRole = JobRole.EmdrTherapist, Status = RecordStatus.NotStarted, DueFrom = new DateOnly(2026, 1, 2),
            Search = "O'Brien & Co", Sort = RecordSort.Score, Descending = true, Page = 3,
        };

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(filter.ToQueryString());
        var (again, errors) = RecordFilter.Parse(query);

        Assert.Empty(errors);
        Assert.Equal(filter, again);
        Assert.DoesNotContain("page=", filter.ToQueryString(withPaging: false), StringComparison.Ordinal);
    }
}
