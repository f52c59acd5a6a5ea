using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Demo;

namespace IaptLearning.Web.Tests.Features.Demo;

public class DemoStaffTests
{
    private static readonly IReadOnlyList<DemoPerson> Staff = DemoStaff.Generate(new Random(DemoOrganisation.Seed));

    [Fact]
    public void Generate_SameSeed_SamePeople() =>
        Assert.Equal(Staff, DemoStaff.Generate(new Random(DemoOrganisation.Seed)));

    [Fact]
    public void Generate_120PeopleTwentyPerTeamUniqueEmailsAndNumbers()
    {
        Assert.Equal(120, Staff.Count);
        Assert.All(Staff.GroupBy(p => p.TeamIndex), g => Assert.Equal(DemoStaff.PerTeam, g.Count()));
        Assert.Equal(6, Staff.Select(p => p.TeamIndex).Distinct().Count());
        Assert.Equal(120, Staff.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Staff, p => Assert.Matches(@"^[a-z]+\.[a-z]+[0-9]*@example\.nhs\.uk$", p.Email));
        var numbers = Staff.Where(p => p.EmployeeNumber is not null).Select(p => p.EmployeeNumber!).ToList();
        Assert.InRange(numbers.Count, 96, 119);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches("^[1-9][0-9]{7}$", n));
    }

    [Fact]
    public void Generate_ProgressSplit35Completed25InProgress40NotStarted()
    {
        Assert.Equal(42, Staff.Count(p => p.Progress == DemoProgress.Completed));
        Assert.Equal(30, Staff.Count(p => p.Progress == DemoProgress.InProgress));
        Assert.Equal(48, Staff.Count(p => p.Progress == DemoProgress.NotStarted));
    }

    [Fact]
    public void Generate_JobRolesInRealisticProportions()
    {
        int Count(JobRole role) => Staff.Count(p => p.JobRole == role);
        Assert.Equal(33, Count(JobRole.PsychologicalWellbeingPractitioner));
        Assert.Equal(12, Count(JobRole.TraineePsychologicalWellbeingPractitioner));
        Assert.Equal(27, Count(JobRole.HighIntensityTherapist));
        Assert.Equal(9, Count(JobRole.TraineeHighIntensityTherapist));
        Assert.Equal(12, Count(JobRole.Counsellor));
        Assert.Equal(12, Count(JobRole.Supervisor));
        Assert.Equal(12, Count(JobRole.AdministrativeStaff));
        // Step 2 teams have the practitioners; step 3 teams the therapists.
        Assert.All(Staff.Where(p => p.JobRole == JobRole.PsychologicalWellbeingPractitioner), p => Assert.Equal(0, p.TeamIndex % 2));
        Assert.All(Staff.Where(p => p.JobRole == JobRole.HighIntensityTherapist), p => Assert.Equal(1, p.TeamIndex % 2));
    }
}
