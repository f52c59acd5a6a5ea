using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IaptLearning.Content.Markdown.Extensions.RawHtml;

/// <summary>
/// Keeps raw HTML in the syntax tree (so the validator can report it on its line) but renders
/// it as visible, escaped text: content never reaches the browser as markup.
/// </summary>
public sealed class EscapedHtmlExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        html.ObjectRenderers.ReplaceOrAdd<HtmlBlockRenderer>(new EscapedHtmlBlockRenderer());
        html.ObjectRenderers.ReplaceOrAdd<HtmlInlineRenderer>(new EscapedHtmlInlineRenderer());
    }
}

public sealed class EscapedHtmlBlockRenderer : HtmlObjectRenderer<HtmlBlock>
{
    protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.Write("<pre><code>");
        renderer.WriteEscape(obj.Lines.ToString());
        renderer.WriteLine("</code></pre>");
    }
}

public sealed class EscapedHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.WriteEscape(obj.Tag);
    }
}

public static class EscapedHtmlExtensions
{
    public static MarkdownPipelineBuilder UseEscapedHtml(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.ReplaceOrAdd<EscapedHtmlExtension>(new EscapedHtmlExtension());
        return pipeline;
    }
}
