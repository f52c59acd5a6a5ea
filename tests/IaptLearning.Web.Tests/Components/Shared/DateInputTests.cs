using IaptLearning.Web.Components.Shared;

namespace IaptLearning.Web.Tests.Components.Shared;

public class DateInputTests
{
    private static readonly DateOnly Today = new(2026, 3, 5);

    [Theory]
    [InlineData("", "", "", "Enter the due date", DateParts.All)]
    [InlineData(" ", null, "", "Enter the due date", DateParts.All)]
    [InlineData("5", "", "2026", "Due date must include a month", DateParts.Month)]
    [InlineData("", "3", "2026", "Due date must include a day", DateParts.Day)]
    [InlineData("5", "3", "", "Due date must include a year", DateParts.Year)]
    [InlineData("", "", "2026", "Due date must include a day and month", DateParts.Day | DateParts.Month)]
    [InlineData("31", "2", "2027", "Due date must be a real date", DateParts.Day)]
    [InlineData("5", "13", "2027", "Due date must be a real date", DateParts.Month)]
    [InlineData("0", "3", "2027", "Due date must be a real date", DateParts.Day)]
    [InlineData("five", "3", "2027", "Due date must be a real date", DateParts.Day)]
    [InlineData("5", "-3", "2027", "Due date must be a real date", DateParts.Month)]
    [InlineData("5", "3", "27", "Year must include 4 numbers", DateParts.Year)]
    [InlineData("4", "3", "2026", "Due date must be today or in the future", DateParts.All)]
    [InlineData("6", "3", "2029", "Due date must be within 3 years, on or before 5 March 2029", DateParts.All)]
    public void DueDate_BadInput_GivesTheSpecificMessage(string? day, string? month, string? year, string message, DateParts parts)
    {
        var result = DateInput.DueDate(day, month, year, Today);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(message, result.Error);
        Assert.Equal(parts, result.ErrorParts);
    }

    [Theory]
    [InlineData("5", "3", "2026", 2026, 3, 5)]
    [InlineData("05", "03", "2029", 2029, 3, 5)]
    [InlineData(" 29 ", "2", "2028", 2028, 2, 29)]
    public void DueDate_TodayToThreeYears_IsAccepted(string day, string month, string year, int y, int m, int d)
    {
        var result = DateInput.DueDate(day, month, year, Today);
        Assert.True(result.IsValid);
        Assert.Equal(new DateOnly(y, m, d), result.Value);
    }

    [Fact]
    public void OptionalFutureDate_Empty_IsValidWithNoDate()
    {
        var result = DateInput.OptionalFutureDate("Expiry date", "", "", "", Today);
        Assert.True(result.IsValid);
        Assert.Null(result.Value);
    }

    [Fact]
    public void OptionalFutureDate_Today_MustBeInTheFuture()
    {
        var result = DateInput.OptionalFutureDate("Expiry date", "5", "3", "2026", Today);
        Assert.Equal("Expiry date must be in the future", result.Error);
    }
}
