using System.Text.RegularExpressions;

namespace IaptLearning.Content.Markdown.Extensions.Audiences;

/// <summary>
/// Lets authors nest <c>:::</c> containers with plain <c>:::</c> fences (a question inside a
/// <c>::: for</c> section). Markdig closes every open container at the first closing fence at
/// least as long as the outermost one, so before parsing, each container that holds another is
/// given a fence one colon longer than the longest inside it. Lines never move, so every line
/// number stays the file's. Fences inside code blocks are left alone.
/// </summary>
internal static partial class ContainerFences
{
    /// <summary>The text to parse, and each rewritten fence line's original colon count (1-based line).</summary>
    public static (string Text, IReadOnlyDictionary<int, int> Original) Nest(string body)
    {
        var lines = body.Split('\n');
        var stack = new Stack<Fence>();
        var closed = new List<Fence>();
        var code = (Char: '\0', Count: 0);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (CodeFence().Match(line) is { Success: true } c)
            {
                var run = c.Groups[1].Value;
                if (code.Count == 0)
                {
                    code = (run[0], run.Length);
                }
                else if (run[0] == code.Char && run.Length >= code.Count && c.Groups[2].Value.Trim().Length == 0)
                {
                    code = ('\0', 0);
                }

                continue;
            }

            if (code.Count > 0 || ColonFence().Match(line) is not { Success: true } m)
            {
                continue;
            }

            var count = m.Groups[2].Length;
            var isClosing = m.Groups[3].Value.Trim().Length == 0;
            if (isClosing && stack.Count > 0 && count >= stack.Peek().Count)
            {
                var fence = stack.Pop();
                fence.CloseLine = i;
                closed.Add(fence);
                continue;
            }

            var opened = new Fence(i, count, stack.Count > 0 ? stack.Peek() : null);
            stack.Push(opened);
        }

        // Unclosed containers keep their place too, so a closed question inside one stays closed.
        var all = closed.Concat(stack).ToList();
        if (!all.Any(f => f.Parent is not null))
        {
            return (body, new Dictionary<int, int>());
        }

        // Children are always opened after their parent: work from the last opened outwards.
        foreach (var fence in all.OrderByDescending(f => f.OpenLine))
        {
            fence.Needed = Math.Max(fence.Count, fence.Needed);
            if (fence.Parent is { } parent)
            {
                parent.Needed = Math.Max(parent.Needed, fence.Needed + 1);
            }
        }

        var original = new Dictionary<int, int>();
        foreach (var fence in all.Where(f => f.Needed > f.Count))
        {
            Rewrite(lines, fence.OpenLine, fence.Needed);
            original[fence.OpenLine + 1] = fence.Count;
            if (fence.CloseLine is { } close)
            {
                Rewrite(lines, close, fence.Needed);
                original[close + 1] = fence.Count;
            }
        }

        return (string.Join('\n', lines), original);
    }

    private static void Rewrite(string[] lines, int index, int colons)
    {
        var m = ColonFence().Match(lines[index]);
        lines[index] = m.Groups[1].Value + new string(':', colons) + m.Groups[3].Value;
    }

    private sealed class Fence(int openLine, int count, Fence? parent)
    {
        public int OpenLine { get; } = openLine;
        public int Count { get; } = count;
        public Fence? Parent { get; } = parent;
        public int? CloseLine { get; set; }
        public int Needed { get; set; }
    }

    [GeneratedRegex(@"^( {0,3})(:{3,})(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ColonFence();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeFence();
}
