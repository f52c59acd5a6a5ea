using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IaptLearning.Content.Diagnostics;
using IaptLearning.Content.Model;

namespace IaptLearning.Content.Loading;

/// <summary>Reads one module folder: its files, then the checks that span files, then the module.</summary>
internal static partial class ModuleBuilder
{
    private const int MaxFilesPerModule = 5_000;

    public static ModuleEntry Build(string rootPath, string folderName, ModuleSnapshot? previous, DateOnly today)
    {
        previous ??= ModuleSnapshot.Empty;
        var folderPath = Path.Combine(rootPath, folderName);
        var folderBag = new DiagnosticBag(folderName);
        var fileBags = new Dictionary<string, DiagnosticBag>(StringComparer.Ordinal);
        DiagnosticBag BagFor(string fileInModule) =>
            fileBags.TryGetValue(fileInModule, out var b) ? b : fileBags[fileInModule] = new DiagnosticBag($"{folderName}/{fileInModule}");

        if (!SlugPattern().IsMatch(folderName))
        {
            folderBag.Error(DiagnosticCodes.InvalidModuleFolderName, null, null,
                $"module folder name '{folderName}' is not a valid slug: use lower-case letters, digits and single hyphens (it becomes the web address), for example '{SuggestSlug(folderName)}'");
        }

        var files = ListFiles(folderPath, folderBag, BagFor);

        // Sort the module's own Markdown files into module.md, assessment.md and lessons.
        var lessonFiles = new List<(int Number, string Slug, string File)>();
        var hasModule = false;
        var hasAssessment = false;
        foreach (var file in files.Keys.Where(f => !f.Contains('/') && f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            if (file == "module.md")
            {
                hasModule = true;
            }
            else if (file == "assessment.md")
            {
                hasAssessment = true;
            }
            else if (LessonFilePattern().Match(file) is { Success: true } m)
            {
                var number = int.TryParse(m.Groups[1].ValueSpan, out var n) ? n : int.MaxValue;
                lessonFiles.Add((number, m.Groups[2].Value, file));
            }
            else if (char.IsAsciiDigit(file[0]))
            {
                BagFor(file).Error(DiagnosticCodes.InvalidLessonFileName, null, null,
                    $"lesson file name '{file}' must be two or more digits, a hyphen and a lower-case slug ending '.md', such as '03-breathlessness.md'");
            }
            else
            {
                BagFor(file).Error(DiagnosticCodes.UnexpectedMarkdownFile, null, null,
                    $"'{file}' is not module.md, assessment.md or a lesson named like '01-introduction.md'; rename it as a lesson or move it out of the module folder");
            }
        }

        if (!hasModule)
        {
            folderBag.Error(DiagnosticCodes.MissingModuleFile, null, null,
                "module folder has no module.md: add one with the module's title, summary and version");
        }

        lessonFiles.Sort((a, b) => a.Number != b.Number ? a.Number.CompareTo(b.Number) : string.CompareOrdinal(a.File, b.File));
        for (var i = 1; i < lessonFiles.Count; i++)
        {
            var earlier = lessonFiles.Take(i);
            if (earlier.FirstOrDefault(l => l.Number == lessonFiles[i].Number) is { File: not null } sameNumber)
            {
                BagFor(lessonFiles[i].File).Error(DiagnosticCodes.DuplicateLesson, null, null,
                    $"lesson number {lessonFiles[i].Number} is also used by '{sameNumber.File}'; give each lesson its own number");
            }
            else if (earlier.FirstOrDefault(l => l.Slug == lessonFiles[i].Slug) is { File: not null } sameSlug)
            {
                BagFor(lessonFiles[i].File).Error(DiagnosticCodes.DuplicateLesson, null, null,
                    $"lesson name '{lessonFiles[i].Slug}' is also used by '{sameSlug.File}'; lessons need different names because the name is their web address");
            }
        }

        if (lessonFiles.Count == 0)
        {
            folderBag.Error(DiagnosticCodes.ModuleHasNoLessons, null, null,
                "module has no lessons: add at least one file named like '01-introduction.md'");
        }

        var context = new ModuleContext(folderName, [.. files.Keys], lessonFiles.ToDictionary(l => l.File, l => l.Slug, StringComparer.Ordinal));

        // Parse each Markdown file, reusing the last result for any file whose bytes and context are unchanged.
        var results = ImmutableDictionary.CreateBuilder<string, FileResult>(StringComparer.Ordinal);
        var stamps = ImmutableDictionary.CreateBuilder<string, FileStamp>(StringComparer.Ordinal);
        var markdownFiles = new List<(string File, FileKind Kind)>();
        if (hasModule)
        {
            markdownFiles.Add(("module.md", FileKind.Module));
        }

        markdownFiles.AddRange(lessonFiles.Select(l => (l.File, FileKind.Lesson)));
        if (hasAssessment)
        {
            markdownFiles.Add(("assessment.md", FileKind.Assessment));
        }

        foreach (var (file, info) in files)
        {
            var kind = markdownFiles.FirstOrDefault(m => m.File == file);
            if (kind.File is not null)
            {
                var result = ReadMarkdown(folderName, file, kind.Kind, info, context, previous, BagFor);
                if (result is not null)
                {
                    results[file] = result;
                    stamps[file] = new FileStamp(info.Length, info.LastWriteTimeUtc, result.BytesHash);
                }
            }
            else if (StampOf(file, info, previous, BagFor) is { } stamp)
            {
                stamps[file] = stamp;
            }
        }

        var snapshot = new ModuleSnapshot(results.ToImmutable(), stamps.ToImmutable());
        CheckAcrossFiles(snapshot, markdownFiles, BagFor);
        ModuleRules.Check(snapshot, markdownFiles.Select(m => m.File), today, BagFor);

        var diagnostics = folderBag.ToImmutable()
            .Concat(markdownFiles.Select(m => m.File).Where(results.ContainsKey).SelectMany(f => results[f].Diagnostics))
            .Concat(fileBags.Values.SelectMany(b => b.ToImmutable()))
            .OrderBy(d => d.Path.Length == folderName.Length ? 0 : 1)
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line ?? 0)
            .ThenBy(d => d.Column ?? 0)
            .ToImmutableArray();

        var module = diagnostics.Any(d => d.IsError)
            ? null
            : Assemble(folderName, folderPath, snapshot, lessonFiles, hasAssessment);
        return new ModuleEntry(folderName, folderPath, module, diagnostics, snapshot);
    }

    private static Dictionary<string, FileInfo> ListFiles(string folderPath, DiagnosticBag folderBag, Func<string, DiagnosticBag> bagFor)
    {
        var files = new Dictionary<string, FileInfo>(StringComparer.Ordinal);
        var pending = new Stack<(DirectoryInfo Dir, string Prefix)>();
        pending.Push((new DirectoryInfo(folderPath), ""));
        while (pending.Count > 0)
        {
            var (dir, prefix) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = dir.EnumerateFileSystemInfos().ToList();
            }
            catch (Exception ex) when (DiagnosticText.IsUnreadable(ex))
            {
                folderBag.Error(DiagnosticCodes.UnreadableFile, null, null, $"folder '{prefix}' cannot be read: {ex.Message}");
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var relative = prefix + entry.Name;
                if (entry.LinkTarget is not null)
                {
                    bagFor(relative).Warning(DiagnosticCodes.SymbolicLink, null, null,
                        "symbolic links are ignored, so this file is not part of the module; copy the real file here instead");
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    pending.Push((sub, relative + "/"));
                }
                else if (entry is FileInfo file)
                {
                    if (files.Count >= MaxFilesPerModule)
                    {
                        folderBag.Error(DiagnosticCodes.UnreadableFile, null, null,
                            $"module folder has more than {MaxFilesPerModule} files; remove the ones lessons do not use");
                        return files;
                    }

                    files[relative] = file;
                    // Markdown in media/ has its own rule: it is not a lesson and cannot be linked.
                    if (relative.StartsWith("media/", StringComparison.Ordinal) && MediaTypes.ContentType(relative) is null
                        && !relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                    {
                        bagFor(relative).Warning(DiagnosticCodes.MediaTypeNotServed, null, null, DiagnosticText.MediaTypeNotServed(relative));
                    }
                }
            }
        }

        return files;
    }

    private static FileResult? ReadMarkdown(string folderName, string file, FileKind kind, FileInfo info, ModuleContext context,
        ModuleSnapshot previous, Func<string, DiagnosticBag> bagFor)
    {
        byte[] bytes;
        try
        {
            if (info.Length > FileProcessor.MaxFileBytes)
            {
                // Too large to parse: hash it as a stream and let the processor report the size.
                using var stream = info.OpenRead();
                var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
                var bag = new DiagnosticBag($"{folderName}/{file}");
                bag.Error(DiagnosticCodes.FileTooLarge, null, null,
                    DiagnosticText.FileTooLarge(info.Length));
                return new FileResult { FileInModule = file, Kind = kind, BytesHash = hash, ContextKey = context.Key, Diagnostics = bag.ToImmutable() };
            }

            bytes = File.ReadAllBytes(info.FullName);
        }
        catch (Exception ex) when (DiagnosticText.IsUnreadable(ex))
        {
            bagFor(file).Error(DiagnosticCodes.UnreadableFile, null, null, $"file cannot be read: {ex.Message}");
            return null;
        }

        var bytesHash = FileProcessor.Hash(bytes);
        if (previous.Results.TryGetValue(file, out var cached) && cached.BytesHash == bytesHash && cached.ContextKey == context.Key && cached.Kind == kind)
        {
            return cached;
        }

        return FileProcessor.Process(bytes, $"{folderName}/{file}", file, kind, context);
    }

    private static FileStamp? StampOf(string file, FileInfo info, ModuleSnapshot previous, Func<string, DiagnosticBag> bagFor)
    {
        if (previous.Stamps.TryGetValue(file, out var stamp) && stamp.Length == info.Length && stamp.LastWriteUtc == info.LastWriteTimeUtc)
        {
            return stamp;
        }

        try
        {
            using var stream = info.OpenRead();
            return new FileStamp(info.Length, info.LastWriteTimeUtc, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
        catch (Exception ex) when (DiagnosticText.IsUnreadable(ex))
        {
            bagFor(file).Error(DiagnosticCodes.UnreadableFile, null, null, $"file cannot be read: {ex.Message}");
            return null;
        }
    }

    private static void CheckAcrossFiles(ModuleSnapshot snapshot, List<(string File, FileKind Kind)> markdownFiles, Func<string, DiagnosticBag> bagFor)
    {
        var ids = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var (file, _) in markdownFiles)
        {
            if (!snapshot.Results.TryGetValue(file, out var result))
            {
                continue;
            }

            foreach (var question in result.Questions)
            {
                if (ids.TryGetValue(question.Id, out var first))
                {
                    bagFor(file).Error(DiagnosticCodes.DuplicateQuestionId, question.Line, 1,
                        $"question id '{question.Id}' is already used in {first.SourceFile} on line {first.Line}; ids must be unique within a module");
                }
                else
                {
                    ids[question.Id] = question;
                }
            }

            foreach (var anchor in result.Anchors)
            {
                if (snapshot.Results.TryGetValue(anchor.TargetFile, out var target) && !target.HasErrors && !target.HeadingIds.Contains(anchor.Fragment))
                {
                    var where = anchor.TargetFile == file ? "this file" : $"'{anchor.TargetFile}'";
                    bagFor(file).Warning(DiagnosticCodes.MissingAnchor, anchor.Line, anchor.Column,
                        $"no heading in {where} has the id '{anchor.Fragment}', so the link opens at the top of the page; headings' ids are their words in lower case joined by hyphens");
                }
            }

            if (result.Assessment is { } assessment)
            {
                if (result.Questions.Length == 0 && !result.HasErrors)
                {
                    bagFor(file).Error(DiagnosticCodes.AssessmentHasNoQuestions, 1, 1,
                        "assessment has no questions: add at least one '::: question' block, or delete assessment.md");
                }
                else if (assessment.Questions is { } draw && draw > result.Questions.Length && !result.HasErrors)
                {
                    bagFor(file).Error(DiagnosticCodes.InconsistentValue, assessment.QuestionsLine, 1,
                        $"'questions' is {draw} but the bank has only {result.Questions.Length}; lower it or add more questions");
                }
            }
        }
    }

    private static ContentModule? Assemble(string slug, string folderPath, ModuleSnapshot snapshot,
        List<(int Number, string Slug, string File)> lessonFiles, bool hasAssessment)
    {
        var moduleFile = snapshot.Results["module.md"];
        if (moduleFile.Module is not { } settings)
        {
            return null;
        }

        var lessons = new List<Lesson>();
        foreach (var (number, lessonSlug, file) in lessonFiles)
        {
            var result = snapshot.Results[file];
            if (result.Lesson is not { } lesson)
            {
                return null;
            }

            lessons.Add(new Lesson
            {
                Number = number,
                Index = lessons.Count,
                Slug = lessonSlug,
                FileName = file,
                Title = lesson.Title,
                Duration = lesson.Duration,
                MinTime = lesson.MinTime,
                Audiences = lesson.Audiences,
                Readability = result.Readability,
                Blocks = result.Blocks,
                Questions = result.Questions,
                Headings = result.Headings,
                ContentHash = result.BytesHash,
            });
        }

        Assessment? assessment = null;
        if (hasAssessment)
        {
            var result = snapshot.Results["assessment.md"];
            if (result.Assessment is not { } a)
            {
                return null;
            }

            assessment = new Assessment
            {
                Title = a.Title,
                PassMark = a.PassMark,
                QuestionsPerAttempt = a.Questions ?? result.Questions.Length,
                MaxAttempts = a.MaxAttempts,
                Shuffle = a.Shuffle,
                Duration = a.Duration,
                IntroHtml = result.Html,
                Bank = result.Questions,
                Draw = a.Draw,
            };
        }

        var duration = lessons.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Duration) + (assessment?.Duration ?? TimeSpan.Zero);
        return new ContentModule
        {
            Slug = slug,
            Title = settings.Title,
            Summary = settings.Summary,
            Version = settings.Version,
            Status = settings.Status,
            Audience = settings.Audience,
            Outcomes = settings.Outcomes,
            CpdMinutes = settings.CpdMinutes ?? (int)Math.Ceiling(duration.TotalMinutes),
            IssuesCertificate = settings.Certificate,
            Reviewed = settings.Reviewed,
            ReviewDue = settings.ReviewDue?.Value,
            Recertify = settings.Recertify,
            OverviewHtml = moduleFile.Html,
            Lessons = [.. lessons],
            Assessment = assessment,
            Duration = duration,
            ContentHash = ModuleHash(snapshot),
            MediaFiles = snapshot.Stamps.Keys.Where(k => k.StartsWith("media/", StringComparison.Ordinal)).ToImmutableHashSet(StringComparer.Ordinal),
            FolderPath = folderPath,
        };
    }

    private static string ModuleHash(ModuleSnapshot snapshot)
    {
        var text = new StringBuilder();
        foreach (var (file, stamp) in snapshot.Stamps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append(file).Append('\0').Append(stamp.Hash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string SuggestSlug(string name)
    {
        var slug = NonSlugCharacters().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "my-module" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex SlugPattern();

    [GeneratedRegex(@"^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex LessonFilePattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonSlugCharacters();
}
