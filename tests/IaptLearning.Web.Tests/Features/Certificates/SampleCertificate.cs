using IaptLearning.Web.Features.Certificates;

namespace IaptLearning.Web.Tests.Features.Certificates;

internal static class SampleCertificate
{
    public const string Code = "7K3M9QXPABCDEFGH0123456789JK";

    public static CertificateModel Model() => new()
    {
        CertificateNumber = "IAPT-2026-000123",
        VerificationCode = Code,
        VerificationUrl = new Uri("https://learning.example.nhs.uk/verify/" + Code),
        IssuedAt = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero),
        LearnerName = "Priya Shah",
        JobRole = "Psychological Wellbeing Practitioner",
        ModuleTitle = "Low-intensity CBT: behavioural activation",
        ModuleVersion = "3",
        ContentHash = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b",
        LearningOutcomes =
        [
            "Explain the rationale for behavioural activation to a patient",
            "Build an activity diary with a patient and review it",
            "Plan graded activities that balance routine, pleasure and necessity",
        ],
        CpdMinutes = 90,
        ActiveTime = TimeSpan.FromMinutes(72.5),
        AssessmentScorePercent = 85,
        IssuerName = "Example NHS Talking Therapies Service",
    };
}
