using System.Globalization;

namespace IaptLearning.Web.Features.Learning;

/// <summary>Option indexes stored as "0,2": readable in the database and the same on every provider.</summary>
public static class OptionList
{
    public static string Format(IEnumerable<int> indexes) =>
        string.Join(',', indexes.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static string FormatInOrder(IEnumerable<int> indexes) =>
        string.Join(',', indexes.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<int> Parse(string? value) =>
        string.IsNullOrEmpty(value) ? [] : [.. value.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
