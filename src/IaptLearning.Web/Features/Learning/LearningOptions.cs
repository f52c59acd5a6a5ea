namespace IaptLearning.Web.Features.Learning;

public sealed class LearningOptions
{
    /// <summary>
    /// Multiplies every lesson's minimum time. Honoured only in the Testing environment, so the
    /// end-to-end tests can take a module in seconds; elsewhere it is always 1.
    /// </summary>
    public double MinTimeScale { get; set; } = 1;
}
