using IaptLearning.Content.Markdown.Extensions.Links;
using IaptLearning.Content.Markdown.Extensions.RawHtml;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace IaptLearning.Content.Markdown;

/// <summary>
/// The one Markdig pipeline every module is parsed and rendered with. A built pipeline is
/// immutable and thread-safe, so it is built once and shared.
/// </summary>
public static class MarkdownPipelineFactory
{
    private static readonly Lazy<MarkdownPipeline> SharedPipeline = new(Create);

    public static MarkdownPipeline Shared => SharedPipeline.Value;

    /// <remarks>
    /// Extensions are chosen one by one rather than with UseAdvancedExtensions: that would bring
    /// generic attributes (<c>{onclick=...}</c>), media embeds and other syntax that lets content
    /// put arbitrary attributes or third-party frames into a page.
    /// </remarks>
    private static MarkdownPipeline Create() =>
        new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseGridTables()
            .UseTaskLists()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseDefinitionLists()
            .UseAbbreviations()
            .UseFootnotes()
            .UseFigures()
            .UseCustomContainers()
            .UseAlertBlocks()
            .UseAutoLinks()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseEscapedHtml()
            .UseSafeLinks()
            .Build();
}
