using IaptLearning.Web.Components.Shared;

namespace IaptLearning.Web.Tests.Components.Shared;

public class UkTimeDayTests
{
    [Theory]
    [InlineData(2026, 1, 15)]
    [InlineData(2026, 7, 1)]
    [InlineData(2026, 3, 29)]
    [InlineData(2026, 10, 25)]
    public void DayEndingAt_EndOfUkDay_IsThatDay(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(date, UkTime.DayEndingAt(UkTime.EndOfDayUtc(date)));
    }
}
