namespace IaptLearning.Web.Features.Authoring;

public static class AuthoringAddresses
{
    public const string Index = "/authoring";

    public static string Module(string slug) => $"/authoring/{Uri.EscapeDataString(slug)}";

    public static string Lesson(string slug, string lesson) => $"{Module(slug)}/lessons/{Uri.EscapeDataString(lesson)}";

    public static string Assessment(string slug) => $"{Module(slug)}/assessment";

    public static string Statistics(string slug) => $"{Module(slug)}/statistics";

    public static string Releases(string slug) => $"{Module(slug)}/releases";

    public static string StatisticsCsv(string slug) => $"{Module(slug)}/statistics.csv";
}
