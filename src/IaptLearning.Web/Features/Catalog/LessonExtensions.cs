using IaptLearning.Content.Model;

namespace IaptLearning.Web.Features.Catalog;

public static class LessonExtensions
{
    /// <summary>The lesson's place counting from 1, as learners count.</summary>
    public static int Index1(this Lesson lesson) => lesson is null ? 0 : lesson.Index + 1;
}
