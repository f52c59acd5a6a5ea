using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Markdown;
using IaptLearning.Content.Markdown.Extensions.Audiences;
using IaptLearning.Content.Markdown.Extensions.Links;
using IaptLearning.Content.Markdown.Extensions.Questions;
using IaptLearning.Content.Markdown.Rendering;
using IaptLearning.Content.Model;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IaptLearning.Content.Loading;

/// <summary>Checks and renders one Markdown file of a module.</summary>
internal static class FileProcessor
{
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Markdig's inline parsing is quadratic on some long runs (thousands of "[a](" on one line); a line limit bounds the cost.</summary>
    public const int MaxLineLength = 10_000;

    public static FileResult Process(byte[] bytes, string pathFromRoot, string fileInModule, FileKind kind, ModuleContext module)
    {
        var bag = new DiagnosticBag(pathFromRoot);
        var result = new FileResult
        {
            FileInModule = fileInModule,
            Kind = kind,
            BytesHash = Hash(bytes),
            ContextKey = module.Key,
        };

        try
        {
            return Process(bytes, fileInModule, kind, module, bag, result);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            bag.Error(DiagnosticCodes.UnreadableFile, null, null,
                "Markdown is nested too deeply (quotes, lists or containers inside each other hundreds of levels down); flatten it");
            return Copy(result, bag);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The loader must never fail because of what is in a file; if a library throws, say so on the file.
            bag.Error(DiagnosticCodes.UnreadableFile, null, null,
                $"this file could not be processed ({ex.GetType().Name}: {ex.Message}); simplify the part you last changed and report this as a bug");
            return Copy(result, bag);
        }
    }

    private static FileResult Process(byte[] bytes, string fileInModule, FileKind kind, ModuleContext module, DiagnosticBag bag, FileResult result)
    {
        if (bytes.Length > MaxFileBytes)
        {
            bag.Error(DiagnosticCodes.FileTooLarge, null, null,
                DiagnosticText.FileTooLarge(bytes.Length));
            return Copy(result, bag);
        }

        if (!TryDecode(bytes, out var text, out var badLine))
        {
            bag.Error(DiagnosticCodes.InvalidEncoding, badLine, null,
                "file is not valid UTF-8; save it as UTF-8 in your editor (the first bad byte is on this line)");
            return Copy(result, bag);
        }

        if (FindLongLine(text) is { } longLine)
        {
            bag.Error(DiagnosticCodes.LineTooLong, longLine.Line, null,
                $"line is {longLine.Length:N0} characters long; the limit is {MaxLineLength:N0}, so break it into shorter lines or paragraphs");
            return Copy(result, bag);
        }

        var fm = FrontMatter.Read(text, bag);
        ModuleSettings? moduleSettings = null;
        LessonSettings? lessonSettings = null;
        AssessmentSettings? assessmentSettings = null;
        if (fm.IsPresent)
        {
            switch (kind)
            {
                case FileKind.Module:
                    moduleSettings = FileSchemas.ReadModule(fm);
                    break;
                case FileKind.Lesson:
                    lessonSettings = FileSchemas.ReadLesson(fm);
                    break;
                default:
                    assessmentSettings = FileSchemas.ReadAssessment(fm);
                    break;
            }
        }

        var pipeline = MarkdownPipelineFactory.Shared;
        var (body, originalFences) = ContainerFences.Nest(fm.Body);
        var document = Markdig.Markdown.Parse(body, pipeline);
        CheckBlocksAndHtml(document, kind, originalFences, bag);
        var anchors = LinkResolver.Resolve(document, fileInModule, module, bag);

        using var render = new FragmentRenderer(pipeline);
        // Made ids use a double hyphen, which an author's id (a slug) cannot contain, and the
        // lesson's file name, which is unique in the module, so they can never clash.
        var stem = Path.GetFileNameWithoutExtension(fileInModule);

        var blocks = ImmutableArray.CreateBuilder<LessonBlock>();
        var questions = ImmutableArray.CreateBuilder<Question>();
        var pending = new List<Block>();
        var allHtml = new StringBuilder();
        var place = 0;
        foreach (var block in document.ToList())
        {
            if (kind == FileKind.Lesson && AudienceSectionReader.IsSection(block))
            {
                Flush(blocks);
                var audiences = AudienceSectionReader.Check((CustomContainer)block, inLesson: true, bag);
                var inner = ImmutableArray.CreateBuilder<LessonBlock>();
                foreach (var child in ((CustomContainer)block).ToList())
                {
                    Take(child, audiences ?? [], inner);
                }

                Flush(inner);
                if (audiences is { } ids)
                {
                    blocks.Add(new AudienceSection(ids, inner.ToImmutable()));
                }

                continue;
            }

            Take(block, [], blocks);
        }

        Flush(blocks);
        LessonReadability? readability = null;
        if (kind == FileKind.Lesson)
        {
            readability = Readability.Measure(document, questions.Count);
            if (lessonSettings is { } lesson && lesson.Duration.TotalSeconds < 0.8 * readability.Estimate.TotalSeconds)
            {
                bag.Warning(DiagnosticCodes.DurationUnderEstimate, lesson.DurationLine, 1, DiagnosticText.UnderEstimate(lesson.Duration, readability));
            }
        }

        var headings = document.Descendants<HeadingBlock>()
            .Select(h => (Block: h, Id: h.GetAttributes().Id))
            .Where(h => !string.IsNullOrEmpty(h.Id))
            .ToList();

        return new FileResult
        {
            FileInModule = result.FileInModule,
            Kind = result.Kind,
            BytesHash = result.BytesHash,
            ContextKey = result.ContextKey,
            Diagnostics = bag.ToImmutable(),
            Module = moduleSettings,
            Lesson = lessonSettings,
            Assessment = assessmentSettings,
            Blocks = blocks.ToImmutable(),
            Questions = questions.ToImmutable(),
            Html = allHtml.ToString(),
            Headings = [.. headings.Where(h => h.Block.Level is 2 or 3 && h.Block.Parent is MarkdownDocument)
                .Select(h => new Heading(h.Block.Level, h.Id!, PlainText.Of(h.Block)))],
            HeadingIds = headings.Select(h => h.Id!).ToImmutableHashSet(StringComparer.Ordinal),
            Anchors = [.. anchors],
            Readability = readability,
        };

        void Take(Block block, ImmutableArray<string> audiences, ImmutableArray<LessonBlock>.Builder into)
        {
            if (kind == FileKind.Module || !QuestionReader.IsQuestion(block))
            {
                pending.Add(block);
                return;
            }

            Flush(into);
            place++;
            if (block.Descendants<CustomContainer>().Any(c => QuestionReader.IsQuestion(c) || AudienceSectionReader.IsSection(c)))
            {
                return;
            }

            var question = QuestionReader.Read((CustomContainer)block, fileInModule, $"{stem}--q{place}", audiences, render, bag);
            if (question is not null)
            {
                questions.Add(question);
                into.Add(new QuestionSegment(question));
            }
        }

        void Flush(ImmutableArray<LessonBlock>.Builder into)
        {
            if (pending.Count == 0)
            {
                return;
            }

            var html = render.Blocks(pending);
            pending.Clear();
            if (html.Length > 0)
            {
                into.Add(new HtmlSegment(html));
                allHtml.AppendLine(html);
            }
        }
    }

    private static void CheckBlocksAndHtml(MarkdownDocument document, FileKind kind, IReadOnlyDictionary<int, int> originalFences, DiagnosticBag bag)
    {
        var containers = document.Descendants<CustomContainer>().ToList();
        var nested = containers.Where(c => QuestionReader.IsQuestion(c) && OuterQuestion(c) is not null).ToHashSet();
        foreach (var block in document.Descendants<Block>())
        {
            switch (block)
            {
                case HtmlBlock html:
                    bag.Error(DiagnosticCodes.RawHtml, html.Line + 1, html.Column + 1,
                        "raw HTML is not allowed and is shown as text; use Markdown instead (for example **bold**, - lists, ## headings)");
                    break;
                case CustomContainer container:
                    // Markdig closes the outer container at the first ':::', so a nested question leaves the
                    // inner one and any later bare ':::' unclosed; the nesting is the problem to report.
                    var consequence = nested.Contains(container) || (nested.Count > 0 && string.IsNullOrWhiteSpace(container.Info));
                    CheckContainer(container, kind, consequence, originalFences, bag);
                    break;
            }
        }

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            bag.Error(DiagnosticCodes.RawHtml, inline.Line + 1, inline.Column + 1,
                $"raw HTML '{DiagnosticText.Shorten(inline.Tag)}' is not allowed and is shown as text; use Markdown instead");
        }
    }

    internal static CustomContainer? OuterQuestion(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (QuestionReader.IsQuestion(parent))
            {
                return (CustomContainer)parent;
            }
        }

        return null;
    }

    private static void CheckContainer(CustomContainer container, FileKind kind, bool closingIsConsequence,
        IReadOnlyDictionary<int, int> originalFences, DiagnosticBag bag)
    {
        var line = container.Line + 1;
        var column = container.Column + 1;
        if (container.ClosingFencedCharCount == 0 && !closingIsConsequence)
        {
            var fence = new string(container.FencedChar, originalFences.GetValueOrDefault(line, container.OpeningFencedCharCount));
            bag.Error(DiagnosticCodes.UnclosedContainer, line, column,
                $"'{fence}' container is never closed: add a line '{fence}' where it ends");
        }

        if (AudienceSectionReader.IsSection(container))
        {
            // In a lesson, the section is checked as it is read, so each problem is reported once.
            if (kind != FileKind.Lesson || container.Parent is not MarkdownDocument)
            {
                AudienceSectionReader.Check(container, kind == FileKind.Lesson, bag);
            }

            return;
        }

        if (!QuestionReader.IsQuestion(container))
        {
            return;
        }

        if (kind == FileKind.Module)
        {
            bag.Error(DiagnosticCodes.QuestionNotAtTopLevel, line, column,
                "questions cannot go in module.md: put knowledge checks in a lesson and the final assessment's questions in assessment.md");
            return;
        }

        if (OuterQuestion(container) is { } outer)
        {
            bag.Error(DiagnosticCodes.NestedQuestion, line, column,
                $"question inside a question (the outer one starts on line {outer.Line + 1}): close the first with ':::' before starting the next");
            return;
        }

        if (container.Parent is not MarkdownDocument && !AudienceSectionReader.IsInTopLevelSection(container))
        {
            bag.Error(DiagnosticCodes.QuestionNotAtTopLevel, line, column,
                "a question must not be inside a list, quote or other container; start ':::' at the beginning of a line");
        }
    }

    private static bool TryDecode(byte[] bytes, out string text, out int badLine)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, span.Length));
        try
        {
            var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
            {
                text = "";
                badLine = span[..read].Count((byte)'\n') + 1;
                return false;
            }

            text = new string(chars, 0, written);
            badLine = 0;
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static (int Line, int Length)? FindLongLine(string text)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end - start > MaxLineLength)
            {
                return (line, end - start);
            }

            start = end + 1;
            line++;
        }

        return null;
    }

    internal static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static FileResult Copy(FileResult result, DiagnosticBag bag) => new()
    {
        FileInModule = result.FileInModule,
        Kind = result.Kind,
        BytesHash = result.BytesHash,
        ContextKey = result.ContextKey,
        Diagnostics = bag.ToImmutable(),
    };

}
