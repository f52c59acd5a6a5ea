using System.Text.Json;

namespace IaptLearning.Web.Data;

/// <summary>Reads and writes the learning outcomes kept on attempts and completions.</summary>
public static class CompletedContent
{
    public static string WriteOutcomes(IEnumerable<string> outcomes) => JsonSerializer.Serialize(outcomes.ToArray());

    public static IReadOnlyList<string>? ReadOutcomes(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
