using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Releases;

/// <summary>
/// The parsed module of a release as JSON, stored with it, so learners get the lessons exactly as
/// they were validated and rendered at publication, whatever later versions of the parser do.
/// </summary>
public static class ReleaseModelJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Blocks, LessonQuestions } },
    };

    public static string Serialize(ContentModule module) => JsonSerializer.Serialize(module, Json);

    /// <summary>
    /// The module, served from <paramref name="folderPath"/> (its unpacked files, for media); null
    /// when the JSON no longer fits the model (a later build changed it), so the caller parses the files.
    /// </summary>
    public static ContentModule? TryDeserialize(string? json, string folderPath)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(json)!.AsObject();
            node[nameof(ContentModule.FolderPath)] = folderPath;
            return node.Deserialize<ContentModule>(Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    // A lesson's questions are the very objects in its blocks, as the loader makes them (code may
    // compare them by reference): written once, in the blocks, and shared again when read.
    private static void LessonQuestions(JsonTypeInfo info)
    {
        if (info.Type != typeof(Lesson))
        {
            return;
        }

        var questions = info.Properties.Single(p => p.Name == nameof(Lesson.Questions));
        var set = questions.Set ?? throw new InvalidOperationException("Lesson.Questions has no setter to restore.");
        questions.ShouldSerialize = (_, _) => false;
        info.OnDeserialized = value =>
        {
            var lesson = (Lesson)value;
            set(lesson, ImmutableArray.CreateRange(QuestionsIn(lesson.Blocks)));
        };
    }

    // In reading order, those in a for section where the section stands.
    private static IEnumerable<Question> QuestionsIn(IEnumerable<LessonBlock> blocks) => blocks.SelectMany<LessonBlock, Question>(block => block switch
    {
        QuestionSegment segment => [segment.Question],
        AudienceSection section => QuestionsIn(section.Blocks),
        _ => [],
    });

    // A lesson's blocks are HTML, questions and for sections (of HTML and questions) in order: name each kind in the JSON.
    private static void Blocks(JsonTypeInfo info)
    {
        if (info.Type == typeof(LessonBlock))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "$block",
                DerivedTypes =
                {
                    new JsonDerivedType(typeof(HtmlSegment), "html"),
                    new JsonDerivedType(typeof(QuestionSegment), "question"),
                    new JsonDerivedType(typeof(AudienceSection), "section"),
                },
            };
        }
    }
}
