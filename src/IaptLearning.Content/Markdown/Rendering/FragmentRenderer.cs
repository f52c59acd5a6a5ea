using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IaptLearning.Content.Markdown.Rendering;

/// <summary>Renders parts of one parsed document (a run of blocks, an option's text) with the shared pipeline.</summary>
internal sealed class FragmentRenderer : IDisposable
{
    private readonly StringWriter _writer = new();
    private readonly HtmlRenderer _renderer;

    public FragmentRenderer(MarkdownPipeline pipeline)
    {
        _renderer = new HtmlRenderer(_writer);
        pipeline.Setup(_renderer);
    }

    public void Dispose() => _writer.Dispose();

    public string Blocks(IEnumerable<Block> blocks)
    {
        _writer.GetStringBuilder().Clear();
        foreach (var block in blocks)
        {
            _renderer.Render(block);
        }

        _writer.Flush();
        return _writer.ToString().Trim();
    }

    /// <summary>The contents of a paragraph without its <c>&lt;p&gt;</c>, for labels.</summary>
    public string Inline(LeafBlock block)
    {
        _writer.GetStringBuilder().Clear();
        var previous = _renderer.ImplicitParagraph;
        _renderer.ImplicitParagraph = true;
        _renderer.Render(block);
        _renderer.ImplicitParagraph = previous;
        _writer.Flush();
        return _writer.ToString().Trim();
    }
}

internal static class PlainText
{
    public static string Of(MarkdownObject? node) => OfAll([node]);

    public static string OfBlocks(IEnumerable<Block> blocks) => OfAll(blocks);

    private static string OfAll(IEnumerable<MarkdownObject?> nodes)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes)
        {
            Append(node, sb);
        }

        return string.Join(' ', sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(MarkdownObject? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                return;
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, sb);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                Append(leaf.Inline, sb);
                sb.Append(' ');
                break;
            case LeafBlock leaf:
                sb.Append(leaf.Lines.ToString()).Append(' ');
                break;
            case ContainerBlock blocks:
                foreach (var child in blocks)
                {
                    Append(child, sb);
                }

                break;
        }
    }
}
