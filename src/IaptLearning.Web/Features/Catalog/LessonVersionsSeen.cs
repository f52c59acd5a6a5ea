namespace IaptLearning.Web.Features.Catalog;

/// <summary>
/// Per circuit: the content hash of each lesson as the learner last saw it, so that a lesson
/// changed by a reload can say so when they next open it.
/// </summary>
public sealed class LessonVersionsSeen
{
    private readonly Dictionary<(string Module, string Lesson), string> _seen = [];

    /// <summary>Records the hash shown now; true when the learner saw a different version earlier in this session.</summary>
    public bool SeeAndCompare(string module, string lesson, string contentHash)
    {
        var changed = _seen.TryGetValue((module, lesson), out var before) && !string.Equals(before, contentHash, StringComparison.Ordinal);
        _seen[(module, lesson)] = contentHash;
        return changed;
    }
}
