using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;

namespace IaptLearning.Web.Tests.Features.Reports;

[Collection(WebAppTests.Name)]
public class ServiceFilterTests(WebAppFixture app)
{
    [Fact]
    public async Task Records_AdminSeesEveryService_ManagerOfOneServiceGetsNoServiceChoice()
    {
        var seed = await ReportsSeed.GetAsync(app);
        var admin = await app.CreatePersonAsync("Records Admin", jobRole: JobRole.HighIntensityTherapist, roles: [Roles.Admin]);

        var asAdmin = await (await app.SignInAsync(admin.Email)).GetStringAsync($"/manage/records?service={seed.ServiceB}");
        var asManager = await (await app.SignInAsync(seed.ManagerA.Email)).GetStringAsync("/manage/records");

        Assert.Contains("id=\"service\"", asAdmin, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{seed.ServiceB}\" selected", asAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", asAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"service\"", asManager, StringComparison.Ordinal);
    }
}
