using System.Globalization;
using System.Text;

namespace IaptLearning.Benchmarks.Content;

/// <summary>Writes a realistic content folder: modules of lessons of about 600 words with knowledge checks, and an assessment bank.</summary>
public static class CatalogueGenerator
{
    private static readonly string[] Words =
        "long covid fatigue breathlessness pacing energy activity rest anxiety low mood sleep practitioner service referral assessment symptoms recovery support plan goal review therapy step".Split(' ');

    public static string Write(string root, int modules, int lessonsPerModule)
    {
        Directory.CreateDirectory(root);
        var random = new Random(42);
        for (var m = 0; m < modules; m++)
        {
            var dir = Path.Combine(root, $"module-{m:000}");
            Directory.CreateDirectory(Path.Combine(dir, "media"));
            File.WriteAllBytes(Path.Combine(dir, "media", "diagram.png"), new byte[2048]);
            File.WriteAllText(Path.Combine(dir, "module.md"), $"""
                ---
                title: Generated module {m}
                summary: A generated module used to measure loading.
                version: 1.0.{m}
                audience:
                  - Psychological wellbeing practitioners
                outcomes:
                  - Explain the topic
                  - Apply it in practice
                ---
                An overview paragraph with a link to [the first lesson](01-lesson-0.md).
                """);
            for (var l = 0; l < lessonsPerModule; l++)
            {
                File.WriteAllText(Path.Combine(dir, LessonFile(l)), Lesson(l, lessonsPerModule, random, variant: 0));
            }

            var bank = new StringBuilder("---\npass_mark: 80\nquestions: 10\nmax_attempts: 3\nduration: 5m\n---\n");
            for (var q = 0; q < 15; q++)
            {
                bank.Append(Question($"bank-{q}", random)).Append('\n');
            }

            File.WriteAllText(Path.Combine(dir, "assessment.md"), bank.ToString());
        }

        return root;
    }

    public static string LessonFile(int l) => $"{l + 1:00}-lesson-{l}.md";

    /// <summary>A lesson; a different <paramref name="variant"/> gives different bytes with the same shape.</summary>
    public static string Lesson(int l, int lessons, Random random, int variant)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"---\ntitle: Lesson {l} of the module\nduration: 3m\nmin_time: 2m\n---\n");
        for (var section = 0; section < 4; section++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## Section {section}\n\n");
            for (var p = 0; p < 2; p++)
            {
                for (var w = 0; w < 70; w++)
                {
                    sb.Append(Words[random.Next(Words.Length)]).Append(w % 9 == 8 ? ". " : " ");
                }

                sb.Append("with **emphasis** and a [link](https://www.nhs.uk/conditions/covid-19/).\n\n");
            }

            sb.Append("- a point about pacing\n- another point about rest\n\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"See [the next lesson]({LessonFile((l + 1) % lessons)}#section-1) and ![A diagram](media/diagram.png).\n\n");
        sb.Append("| Step | Who |\n| --- | --- |\n| 2 | PWP |\n| 3 | HIT |\n\n");
        sb.Append(Question($"check-{l}-a", random)).Append('\n').Append(Question($"check-{l}-b", random));
        sb.Append(CultureInfo.InvariantCulture, $"\nVariant {variant}.\n");
        return sb.ToString();
    }

    private static string Question(string id, Random random) => $"""
        ::: question {id}
        Which of these is right about {Words[random.Next(Words.Length)]}?

        - [x] The right answer
        - [ ] A wrong answer
          > Feedback for the wrong answer.
        - [ ] Another wrong answer

        > The explanation.
        :::

        """;
}
