using IaptLearning.Web;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Admin;
using IaptLearning.Web.Features.Assessment;
using IaptLearning.Web.Features.Assignments;
using IaptLearning.Web.Features.Authoring;
using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Certificates;
using IaptLearning.Web.Features.Completions;
using IaptLearning.Web.Features.Demo;
using IaptLearning.Web.Features.Learning;
using IaptLearning.Web.Features.Releases;
using IaptLearning.Web.Features.Reports;
using IaptLearning.Web.Features.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddSecurity();
builder.AddWebUi();
builder.AddData();
builder.AddAccounts();
builder.AddCatalog();
builder.AddReleases();
builder.AddLearning();
builder.AddAssessment();
builder.AddAuthoring();
builder.AddCertificateIssuing();
builder.AddCompletions();
builder.AddAdmin();
builder.AddDemoData();
builder.AddAssignments();

var app = builder.Build();

app.UseSecurity();
app.UseWebUi();
app.UseCertificates();
app.UseReports();

app.Run();

/// <summary>Visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
