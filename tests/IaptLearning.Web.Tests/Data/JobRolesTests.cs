using IaptLearning.Web.Data;

namespace IaptLearning.Web.Tests.Data;

public class JobRolesTests
{
    [Fact]
    public void DisplayName_EveryRole_HasItsOwnWrittenName()
    {
        var names = Enum.GetValues<JobRole>().Select(r => r.DisplayName()).ToList();
        Assert.All(names, n => Assert.DoesNotContain(n, Enum.GetNames<JobRole>().Where(e => e.Length > 10)));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("High-intensity therapist", JobRole.HighIntensityTherapist.DisplayName());
    }

    [Fact]
    public void DisplayName_NoRole_GivesTheCallersWording()
    {
        JobRole? none = null;
        Assert.Equal("Not given", none.DisplayName("Not given"));
        JobRole? some = JobRole.AdministrativeStaff;
        Assert.Equal("Administrative staff", some.DisplayName("Not given"));
    }

    [Fact]
    public void All_ListsEveryRoleInDeclaredOrder()
    {
        Assert.Equal(Enum.GetValues<JobRole>(), JobRoles.All.Select(r => r.Role));
    }
}
