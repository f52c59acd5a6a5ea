using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace IaptLearning.Content.Markdown.Extensions.Links;

/// <summary>
/// A last line of defence at render time: a link or image whose address is not allowed by
/// <see cref="LinkPolicy"/> is written as its text only, whatever path the tree took to get here.
/// </summary>
public sealed class SafeLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new SafeLinkInlineRenderer());
            html.ObjectRenderers.ReplaceOrAdd<AutolinkInlineRenderer>(new SafeAutolinkInlineRenderer());
        }
    }
}

public sealed class SafeLinkInlineRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(link);
        if (LinkPolicy.IsSafeToRender(link.Url, link.IsImage))
        {
            base.Write(renderer, link);
        }
        else
        {
            renderer.WriteChildren(link);
        }
    }
}

public sealed class SafeAutolinkInlineRenderer : AutolinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        var url = obj.IsEmail ? "mailto:" + obj.Url : obj.Url;
        if (LinkPolicy.IsSafeToRender(url, isImage: false))
        {
            base.Write(renderer, obj);
        }
        else
        {
            renderer.WriteEscape(obj.Url);
        }
    }
}

public static class SafeLinkExtensions
{
    public static MarkdownPipelineBuilder UseSafeLinks(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.ReplaceOrAdd<SafeLinkExtension>(new SafeLinkExtension());
        return pipeline;
    }
}
