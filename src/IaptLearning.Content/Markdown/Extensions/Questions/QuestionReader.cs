using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Markdown.Rendering;
using IaptLearning.Content.Model;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace IaptLearning.Content.Markdown.Extensions.Questions;

/// <summary>
/// Turns a <c>::: question [id]</c> custom container into a <see cref="Question"/>: the blocks
/// before the task list are the prompt, the task list's items are the options (a blockquote in an
/// item is that option's feedback), and a blockquote after the list is the explanation. The
/// syntax is Markdig's built-in custom container and task list, so a module still reads well
/// in any Markdown viewer.
/// </summary>
internal static class QuestionReader
{
    public const string InfoWord = "question";

    public static bool IsQuestion(Block block) =>
        block is CustomContainer c && string.Equals(c.Info?.Trim(), InfoWord, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the question, or returns null after reporting why it cannot be used.</summary>
    public static Question? Read(CustomContainer container, string fileInModule, string autoId, ImmutableArray<string> audiences,
        FragmentRenderer render, DiagnosticBag bag)
    {
        var line = container.Line + 1;
        var column = container.Column + 1;

        var ok = QuestionHeader.TryRead(container.Arguments, line, column, bag, out var explicitId, out var tags);
        var id = explicitId ?? autoId;

        var prompt = new List<Block>();
        ListBlock? optionList = null;
        var explanation = new List<Block>();
        foreach (var block in container)
        {
            if (optionList is null)
            {
                if (block is ListBlock list && IsTaskList(list))
                {
                    optionList = list;
                }
                else
                {
                    prompt.Add(block);
                }

                continue;
            }

            switch (block)
            {
                case QuoteBlock quote:
                    explanation.Add(quote);
                    break;
                case ListBlock list when IsTaskList(list):
                    bag.Error(DiagnosticCodes.IgnoredQuestionContent, block.Line + 1, block.Column + 1,
                        "a question has one list of options; join the two lists, or move the second into another question");
                    ok = false;
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                default:
                    bag.Warning(DiagnosticCodes.IgnoredQuestionContent, block.Line + 1, block.Column + 1,
                        "text after the options is not shown to learners; move it into the prompt, or make it the explanation by starting each line with '>'");
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(PlainText.OfBlocks(prompt.Where(b => b is not LinkReferenceDefinitionGroup))))
        {
            bag.Error(DiagnosticCodes.EmptyPrompt, line, column, "question has no prompt: write the question above its options");
            ok = false;
        }

        var options = ImmutableArray.CreateBuilder<QuestionOption>();
        if (optionList is null)
        {
            bag.Error(DiagnosticCodes.QuestionHasNoOptions, line, column,
                "question has no options: add a list of options, each starting '- [ ]' (wrong) or '- [x]' (correct)");
            return null;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in optionList.OfType<ListItemBlock>())
        {
            var option = ReadOption(item, options.Count, render, bag, out var itemOk);
            ok &= itemOk;
            if (option is null)
            {
                continue;
            }

            if (seen.TryGetValue(option.Text, out var firstLine))
            {
                bag.Error(DiagnosticCodes.DuplicateOptionText, item.Line + 1, item.Column + 1,
                    $"two options have the same text '{DiagnosticText.Shorten(option.Text)}' (the first is on line {firstLine}); reword or remove one");
                ok = false;
            }
            else
            {
                seen[option.Text] = item.Line + 1;
            }

            options.Add(option);
        }

        if (options.Count == 1)
        {
            bag.Error(DiagnosticCodes.QuestionHasOneOption, line, column, "question has only one option: give at least two");
            ok = false;
        }
        else if (options.Count > 1 && !options.Any(o => o.IsCorrect))
        {
            bag.Error(DiagnosticCodes.QuestionHasNoCorrectOption, line, column, "question has no correct option (mark one with [x])");
            ok = false;
        }

        if (!ok || options.Count < 2)
        {
            return null;
        }

        return new Question
        {
            Id = id,
            HasExplicitId = id != autoId,
            Tags = tags,
            Audiences = audiences,
            PromptHtml = render.Blocks(prompt),
            PromptText = PlainText.OfBlocks(prompt),
            Options = options.ToImmutable(),
            ExplanationHtml = explanation.Count == 0 ? null : render.Blocks(explanation.SelectMany(q => (QuoteBlock)q)),
            SourceFile = fileInModule,
            Line = line,
        };
    }

    private static QuestionOption? ReadOption(ListItemBlock item, int index, FragmentRenderer render, DiagnosticBag bag, out bool ok)
    {
        ok = true;
        if (item.Count == 0 || item[0] is not ParagraphBlock { Inline.FirstChild: TaskList task } paragraph)
        {
            bag.Error(DiagnosticCodes.OptionWithoutCheckbox, item.Line + 1, item.Column + 1,
                "every option must start with '[ ]' (wrong) or '[x]' (correct)");
            ok = false;
            return null;
        }

        var isCorrect = task.Checked;
        task.Remove();
        var textBlocks = new List<Block>();
        var feedback = new List<Block>();
        foreach (var block in item)
        {
            if (block is QuoteBlock quote)
            {
                feedback.AddRange(quote);
            }
            else
            {
                textBlocks.Add(block);
            }
        }

        var text = PlainText.OfBlocks(textBlocks);
        if (text.Length == 0)
        {
            bag.Error(DiagnosticCodes.OptionWithoutCheckbox, item.Line + 1, item.Column + 1, "option has no text after its '[ ]'");
            ok = false;
            return null;
        }

        var html = textBlocks.Count == 1 ? render.Inline(paragraph) : render.Blocks(textBlocks);
        return new QuestionOption
        {
            Index = index,
            Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToLowerInvariant())))[..12],
            Html = html,
            Text = text,
            IsCorrect = isCorrect,
            FeedbackHtml = feedback.Count == 0 ? null : render.Blocks(feedback),
        };
    }

    private static bool IsTaskList(ListBlock list) =>
        list.Count > 0 && list[0] is ListItemBlock { Count: > 0 } first && first[0] is ParagraphBlock { Inline.FirstChild: TaskList };

}
