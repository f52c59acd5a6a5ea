namespace IaptLearning.Web.Features.Learning;

public sealed class LearningOptions
{
    /// <summary>
    /// Multiplies every lesson's minimum time. Honoured only in the Testing environment, so the
    /// end-to-end tests can take a module in seconds; elsewhere it is always 1.
    /// </summary>
    public double MinTimeScale { get; set; } = 1;

    /// <summary>
    /// No input for this long and the learner counts as away, so time stops (Learning:IdleAfter).
    /// The one home of the idle rule: the lesson page hands it to its script when timing starts.
    /// </summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(3);
}
