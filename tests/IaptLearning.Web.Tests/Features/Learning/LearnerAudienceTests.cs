using IaptLearning.Content.Model;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Learning;

namespace IaptLearning.Web.Tests.Features.Learning;

public class LearnerAudienceTests
{
    [Theory]
    [InlineData(JobRole.PsychologicalWellbeingPractitioner, Audiences.Step2)]
    [InlineData(JobRole.TraineePsychologicalWellbeingPractitioner, Audiences.Step2)]
    [InlineData(JobRole.HighIntensityTherapist, Audiences.Step3)]
    [InlineData(JobRole.TraineeHighIntensityTherapist, Audiences.Step3)]
    [InlineData(JobRole.Counsellor, Audiences.Step3)]
    [InlineData(JobRole.EmdrTherapist, Audiences.Step3)]
    [InlineData(JobRole.Supervisor, Audiences.Supervisor)]
    [InlineData(JobRole.ServiceManager, Audiences.Manager)]
    [InlineData(JobRole.AdministrativeStaff, Audiences.Admin)]
    [InlineData(JobRole.Other, null)]
    [InlineData(null, null)]
    public void For_JobRole_GivesItsAudience(JobRole? role, string? audience)
    {
        Assert.Equal(audience, LearnerAudience.For(role));
    }

    [Fact]
    public void For_EveryRoleButOther_IsAKnownAudience()
    {
        Assert.All(Enum.GetValues<JobRole>().Where(r => r != JobRole.Other), r => Assert.True(Audiences.IsKnown(LearnerAudience.For(r)!)));
    }

    [Fact]
    public void ShowsOpen_OwnOthersAndEveryone_OnlyOthersCollapsedUnlessShowingEverything()
    {
        var admin = new LearnerAudience(Audiences.Admin, ShowEverything: false);
        Assert.True(admin.ShowsOpen([Audiences.Admin, Audiences.Step2]));
        Assert.True(admin.ShowsOpen([]));
        Assert.False(admin.ShowsOpen([Audiences.Step3]));
        Assert.True((admin with { ShowEverything = true }).ShowsOpen([Audiences.Step3]));
        Assert.True(LearnerAudience.Everyone.ShowsOpen([Audiences.Step3]));
    }

    [Fact]
    public void MustAnswer_ShowingEverything_StillOnlyOwnQuestions()
    {
        var step2 = new LearnerAudience(Audiences.Step2, ShowEverything: true);
        Assert.True(step2.MustAnswer(LessonAudienceModels.Question("q-all")));
        Assert.True(step2.MustAnswer(LessonAudienceModels.Question("q-2", audiences: [Audiences.Step2])));
        Assert.False(step2.MustAnswer(LessonAudienceModels.Question("q-3", audiences: [Audiences.Step3])));
        Assert.True(LearnerAudience.Everyone.MustAnswer(LessonAudienceModels.Question("q-3", audiences: [Audiences.Step3])));
    }
}
