namespace IaptLearning.Web.Data;

/// <summary>
/// The learner's own reflection on a completed module, for their CPD record. Private to the
/// learner: never shown on the verification page or to anyone else.
/// </summary>
public class CpdReflection
{
    public const int MaxLength = 4000;

    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>Keyed by completion, not certificate, so modules that issue no certificate can be reflected on too.</summary>
    public long ModuleCompletionId { get; set; }

    public string WhatILearned { get; set; } = "";
    public string HowItWillChangeMyPractice { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}
