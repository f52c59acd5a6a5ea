using System.Text;
using IaptLearning.Content.Loading;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Tests.Loading;

/// <summary>
/// Thousands of random mutations of valid files (truncation, byte flips, deleted and repeated
/// lines, huge lines, deep nesting, stray syntax) must never make the loader throw: each is a
/// diagnostic or a module. The seed is fixed so a failure can be replayed; set IAPT_FUZZ_SEED to
/// explore others.
/// </summary>
public sealed class RobustnessTests
{
    private const int MutationsPerFile = 400;

    private static readonly string[] Fragments =
    [
        "::: question", ":::", "::: question x\n", "- [x] ", "- [ ] ", "> ", "---\n", "...\n", "![", "](", "[", "]", "(", ")",
        "<div>", "</b>", "<!--", "javascript:", "](media/", "](../", "#", "^^^", "[^1]", "[^1]: ", "|", "| --- |", "***", "__",
        "~~", "`", "```", "\t", "\r\n", "\0", "\uFEFF", "title: ", "duration: ", "min_time: 9h", "pass_mark: ", "questions: 999",
        "&#106;", "%", "\\", "*", "+", "{", "}", "\"", "'", "- ", "1. ", "    ", "\n\n", "> [!NOTE]\n", "::: question a\n::: question b\n",
    ];

    public static TheoryData<string> Files() => ["module.md", "01-first.md", "02-second.md", "assessment.md"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Process_RandomMutationsOfValidFile_NeverThrows(string fileName)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("IAPT_FUZZ_SEED"), out var s) ? s : 20261126;
        var random = new Random(seed + fileName.Length);
        var original = Encoding.UTF8.GetBytes(Seeds[fileName]);
        var kind = fileName switch
        {
            "module.md" => FileKind.Module,
            "assessment.md" => FileKind.Assessment,
            _ => FileKind.Lesson,
        };
        var context = new ModuleContext("breathing", ["module.md", "01-first.md", "02-second.md", "assessment.md", "media/picture.png"],
            new Dictionary<string, string> { ["01-first.md"] = "first", ["02-second.md"] = "second" });

        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var (name, bytes) = Mutate(original, random);
            FileResult result;
            try
            {
                result = FileProcessor.Process(bytes, "breathing/" + fileName, fileName, kind, context);
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} ({name}, seed {seed}) threw {ex}");
                throw;
            }

            // An unexpected exception inside the processor is caught and reported as IAPT038, which would hide a bug.
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "IAPT038" && !d.Message.Contains("nested too deeply", StringComparison.Ordinal));
            Assert.All(result.Diagnostics, d => Assert.True(d.Line is null or >= 1, $"line {d.Line} in {d}"));
            Assert.All(result.Blocks.OfType<HtmlSegment>(), b => AssertSafe(b.Html));
            outcomes[name] = outcomes.GetValueOrDefault(name) + 1;
        }

        Assert.True(outcomes.Count >= 8, $"only {outcomes.Count} kinds of mutation ran");
    }

    [Fact]
    public void Load_MutatedModuleFolders_NeverThrowAndOtherModulesStillLoad()
    {
        var random = new Random(7);
        using var content = new TempContent().WithValidModule("steady");
        foreach (var (file, text) in Seeds)
        {
            content.Write($"target/{file}", text);
        }

        content.WriteBytes("target/media/picture.png", [1, 2, 3]);
        var loader = new ContentLoader();
        var catalog = loader.Load(content.Root);
        Assert.Empty(catalog.Diagnostics);

        for (var i = 0; i < 300; i++)
        {
            var file = Seeds.Keys.ElementAt(random.Next(Seeds.Count));
            var (_, bytes) = Mutate(Encoding.UTF8.GetBytes(Seeds[file]), random);
            var path = content.WriteBytes($"target/{file}", bytes);
            catalog = loader.Reload(catalog, [path]);
            Assert.NotNull(catalog.FindModule("steady"));
            content.Write($"target/{file}", Seeds[file]);
            catalog = loader.Reload(catalog, [path]);
        }

        Assert.Empty(catalog.Diagnostics);
    }

    private static void AssertSafe(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    private static (string Name, byte[] Bytes) Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        switch (random.Next(10))
        {
            case 0:
                return ("truncate", original[..random.Next(original.Length + 1)]);
            case 1:
                for (var n = random.Next(1, 8); n > 0 && bytes.Count > 0; n--)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                return ("flip bytes", [.. bytes]);
            case 2:
                for (var n = random.Next(1, 4); n > 0 && lines.Count > 0; n--)
                {
                    lines.RemoveAt(random.Next(lines.Count));
                }

                return ("delete lines", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 3:
                var line = lines[random.Next(lines.Count)];
                lines.Insert(random.Next(lines.Count), line);
                return ("repeat line", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 4:
                var unit = Fragments[random.Next(Fragments.Length)];
                var huge = string.Concat(Enumerable.Repeat(unit, random.Next(1_000, 30_000) / Math.Max(1, unit.Length)));
                lines.Insert(random.Next(lines.Count + 1), huge);
                return ("huge line", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 5:
                var depth = random.Next(50, 2_000);
                var nesting = random.Next(3) switch
                {
                    0 => new string('>', depth) + " deep",
                    1 => string.Concat(Enumerable.Range(0, Math.Min(depth, 300)).Select(d => new string(' ', d * 2) + "- item\n")),
                    _ => string.Concat(Enumerable.Repeat("::: question\n", depth)),
                };
                lines.Insert(random.Next(lines.Count + 1), nesting);
                return ("deep nesting", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 6:
                for (var n = random.Next(1, 10); n > 0; n--)
                {
                    var at = random.Next(lines.Count);
                    var fragment = Fragments[random.Next(Fragments.Length)];
                    lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), fragment);
                }

                return ("insert syntax", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 7:
                var a = random.Next(lines.Count);
                var b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return ("swap lines", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 8:
                var noise = new byte[random.Next(1, 200)];
                random.NextBytes(noise);
                bytes.InsertRange(random.Next(bytes.Count + 1), noise);
                return ("random bytes", [.. bytes]);
            default:
                return ("empty", random.Next(2) == 0 ? [] : [0xEF, 0xBB, 0xBF]);
        }
    }

    private static readonly Dictionary<string, string> Seeds = new()
    {
        ["module.md"] = TempContent.ValidModule + "\n\n- [x] A task\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA note[^1].\n\n[^1]: Source.\n",
        ["01-first.md"] = TempContent.ValidLesson,
        ["02-second.md"] = """
            ---
            title: Second
            duration: 2m
            ---
            ## Heading one

            See [first](01-first.md#breathing), ![A picture](media/picture.png) and [NICE](https://www.nice.org.uk).

            ::: question multi
            Select **all** that apply.

            - [x] One
              > Feedback.
            - [X] Two
            - [ ] Three

            > Explanation.
            :::

            > [!NOTE]
            > An alert.

            ::: note
            A box.
            :::
            """,
        ["assessment.md"] = """
            ---
            pass_mark: 80
            questions: 2
            max_attempts: 3
            shuffle: false
            duration: 3m
            ---
            ::: question a1
            First?

            - [x] Yes
            - [ ] No
            :::

            ::: question a2
            Second?

            - [ ] Yes
            - [x] No
            :::
            """,
    };
}
