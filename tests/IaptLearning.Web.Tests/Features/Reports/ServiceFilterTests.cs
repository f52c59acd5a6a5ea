using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Tests.Features.Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Features.Reports;

[Collection(WebAppTests.Name)]
public class ServiceFilterTests(WebAppFixture app)
{
    [Fact]
    public async Task Records_AdminSeesEveryService_ManagerOfOneServiceGetsNoServiceChoice()
    {
        var seed = await ReportsTestData.SeedAsync(app);
        var admin = await CertificateTestData.CreateLearnerAsync(app, "Records Admin");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(admin.Id))!, Roles.Admin)).Succeeded);
        }

        var asAdmin = await (await CertificateTestData.SignedInClientAsync(app, admin.Email)).GetStringAsync($"/manage/records?service={seed.ServiceB}");
        var asManager = await (await CertificateTestData.SignedInClientAsync(app, seed.ManagerA.Email)).GetStringAsync("/manage/records");

        Assert.Contains("id=\"service\"", asAdmin, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{seed.ServiceB}\" selected", asAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", asAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"service\"", asManager, StringComparison.Ordinal);
    }
}
