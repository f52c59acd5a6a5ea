using System.Collections.Immutable;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Loading;
using IaptLearning.Content.Markdown.Extensions.Questions;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace IaptLearning.Content.Markdown.Extensions.Audiences;

/// <summary>
/// A <c>::: for admin step2</c> container: a part of a lesson for some audiences, shown in place
/// to them and collapsed for everyone else (contract version 2, "Audiences").
/// </summary>
internal static class AudienceSectionReader
{
    public const string InfoWord = "for";

    public static bool IsSection(Block block) =>
        block is CustomContainer c && string.Equals(c.Info?.Trim(), InfoWord, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the question is directly inside a section at the top of the file, where it is allowed.</summary>
    public static bool IsInTopLevelSection(Block block) => block.Parent is { } parent && IsSection(parent) && parent.Parent is MarkdownDocument;

    /// <summary>Checks where the section is and its ids; returns the ids, or null when it has a problem (reported).</summary>
    public static ImmutableArray<string>? Check(CustomContainer container, bool inLesson, DiagnosticBag bag)
    {
        var line = container.Line + 1;
        var column = container.Column + 1;
        if (!inLesson)
        {
            bag.Error(DiagnosticCodes.MisplacedAudienceSection, line, column,
                "'::: for' sections belong in lessons only; move this into a lesson, or give that audience its own lesson");
            return null;
        }

        for (var parent = container.Parent; parent is not null; parent = parent.Parent)
        {
            if (IsSection(parent))
            {
                bag.Error(DiagnosticCodes.MisplacedAudienceSection, line, column,
                    $"a '::: for' section cannot go inside another (the outer one starts on line {parent.Line + 1}); close the first with ':::' before starting the next, or name all the audiences on one");
                return null;
            }

            if (QuestionReader.IsQuestion(parent))
            {
                bag.Error(DiagnosticCodes.MisplacedAudienceSection, line, column,
                    $"a '::: for' section cannot go inside a question (the question starts on line {parent.Line + 1}); put the question inside the section instead");
                return null;
            }
        }

        if (container.Parent is not MarkdownDocument)
        {
            bag.Error(DiagnosticCodes.MisplacedAudienceSection, line, column,
                "a '::: for' section must not be inside a list or quote; start ':::' at the beginning of a line");
            return null;
        }

        var words = (container.Arguments ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            bag.Error(DiagnosticCodes.UnknownAudience, line, column,
                $"'::: for' names no audience; list who the section is for after 'for', for example '::: for admin step2' (the audiences are {FrontMatter.KnownAudiences})");
            return null;
        }

        var ids = new List<string>();
        var ok = true;
        foreach (var word in words)
        {
            if (!FrontMatter.CheckAudience(word, line, column, bag))
            {
                ok = false;
            }
            else if (!ids.Contains(word))
            {
                ids.Add(word);
            }
        }

        return ok ? [.. ids] : null;
    }
}
