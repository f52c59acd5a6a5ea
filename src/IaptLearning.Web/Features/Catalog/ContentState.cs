using System.Collections.Immutable;
using IaptLearning.Content;
using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Catalog;

/// <summary>
/// One published state of the content folder: the catalogue as last read and, per module, the last
/// version that loaded without errors. Learners are served <see cref="LastGood"/>; authors also see
/// <see cref="Catalog"/>, problems included. Immutable: a reload makes a new state.
/// </summary>
public sealed class ContentState
{
    public static readonly ContentState Empty = new(null, ImmutableDictionary<string, ContentModule>.Empty, [], 0);

    private ContentState(ContentCatalog? catalog, ImmutableDictionary<string, ContentModule> lastGood, ImmutableArray<string> problems, long generation)
    {
        Catalog = catalog;
        LastGood = lastGood;
        Problems = problems;
        Generation = generation;
    }

    /// <summary>Null only when the content folder has never been read.</summary>
    public ContentCatalog? Catalog { get; }

    /// <summary>Per module slug, the newest version that loaded without errors (drafts included).</summary>
    public ImmutableDictionary<string, ContentModule> LastGood { get; }

    /// <summary>Problems that stop the whole folder being read (it is missing, say); the catalogue has the rest.</summary>
    public ImmutableArray<string> Problems { get; }

    /// <summary>Goes up by one with every reload, so pages can tell that something changed.</summary>
    public long Generation { get; }

    /// <summary>
    /// The state after reading <paramref name="catalog"/>: a module that now loads replaces its last
    /// good version; a module with errors keeps its last good version; a module whose folder has
    /// gone is dropped.
    /// </summary>
    public ContentState With(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var lastGood = ImmutableDictionary.CreateBuilder<string, ContentModule>(StringComparer.Ordinal);
        foreach (var entry in catalog.Entries)
        {
            if (entry.Module is { } module)
            {
                lastGood[entry.Slug] = module;
            }
            else if (LastGood.TryGetValue(entry.Slug, out var previous))
            {
                lastGood[entry.Slug] = previous;
            }
        }

        return new ContentState(catalog, lastGood.ToImmutable(), [], Generation + 1);
    }

    /// <summary>The folder could not be read at all: keep serving what we had, and say why.</summary>
    public ContentState WithProblem(string problem) => new(Catalog, LastGood, [problem], Generation + 1);
}
