using System.Text;

namespace IaptLearning.Content.Tests.Specs;

/// <summary>
/// One example from a Markdown spec file (the layout markdig uses for its own specs): a fence of
/// 32 backticks with the info 'example' and an optional file name, the input, a line holding a
/// single '.', then the expected output.
/// </summary>
public sealed record SpecExample(string SpecFile, int Line, string Heading, string FileName, string Input, string Expected)
{
    private const string Fence = "````````````````````````````````";

    public override string ToString() => $"{SpecFile}:{Line} {Heading}";

    public static IEnumerable<SpecExample> ReadAll(string folder)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Specs", folder);
        foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var example in Read(file))
            {
                yield return example;
            }
        }
    }

    private static IEnumerable<SpecExample> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                heading = lines[i].TrimStart('#').Trim();
                continue;
            }

            if (!lines[i].StartsWith(Fence + " example", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = lines[i][(Fence.Length + " example".Length)..].Trim();
            var start = i + 1;
            var input = new StringBuilder();
            var expected = new StringBuilder();
            var inExpected = false;
            for (i++; i < lines.Length && lines[i] != Fence; i++)
            {
                if (!inExpected && lines[i] == ".")
                {
                    inExpected = true;
                    continue;
                }

                (inExpected ? expected : input).Append(lines[i].Replace('→', '\t')).Append('\n');
            }

            yield return new SpecExample(Path.GetFileName(path), start, heading,
                fileName.Length == 0 ? "02-example.md" : fileName, input.ToString(), expected.ToString().TrimEnd('\n'));
        }
    }
}
