using System.Net;
using System.Text.RegularExpressions;
using IaptLearning.Cli.Hosting;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Cli.Tests.Commands;

/// <summary>
/// <c>iapt user</c> run in-process against a data folder, then the web app started on the same
/// folder: the printed link must set the password through the web app's own "Set up your account" page.
/// </summary>
public sealed partial class UserCommandTests(UserCommandTests.FirstAdminFixture fixture) : IClassFixture<UserCommandTests.FirstAdminFixture>
{
    private const string FirstAdmin = "first.admin@example.nhs.uk";
    private readonly WebAppFixture _app = fixture.App;
    private readonly string _firstOutput = fixture.Output;

    /// <summary>The first admin is added before the web app has ever run: a new database, a new key ring.</summary>
    public sealed class FirstAdminFixture : IAsyncLifetime
    {
        public WebAppFixture App { get; } = new();

        public string Output { get; private set; } = "";

        public Task InitializeAsync()
        {
            var (code, output, error) = Run("user", "add", "--email", FirstAdmin, "--name", "First Admin", "--role", "admin", "--data", App.DataPath, "--base-url", "http://localhost");
            Assert.True(code == CliApp.Ok, error);
            Output = output;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task Add_FirstRun_LinkSetsPasswordInWebAppAndSignsIn()
    {
        Assert.Contains($"Database: {Path.Combine(_app.DataPath, "iaptlearning.db")} (--data)", _firstOutput, StringComparison.Ordinal);
        var link = Link(_firstOutput);
        Assert.Equal("/Account/SetUpAccount", link.AbsolutePath);
        Assert.Contains("email=first.admin%40example.nhs.uk", link.Query, StringComparison.Ordinal);

        var client = Client();
        var response = await SetPasswordAsync(client, link, "a long new passphrase");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Signed in by the set-up page itself, and the password works from then on.
        Assert.EndsWith("/profile?welcome=true", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.PostSignInAsync(Client(), FirstAdmin, "a long new passphrase")).StatusCode);
    }

    [Fact]
    public async Task Add_LinkUsedTwice_SecondUseRefused()
    {
        var (code, output, error) = Run("user", "add", "--email", "twice@example.nhs.uk", "--name", "Twice Used", "--data", _app.DataPath, "--base-url", "http://localhost");
        Assert.True(code == CliApp.Ok, error);
        var link = Link(output);
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(client, link, "the first passphrase")).StatusCode);

        var again = await Client().GetStringAsync(link.PathAndQuery);
        Assert.Contains("This link cannot be used", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Twice Used", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await WebAppFixture.PostSignInAsync(Client(), "twice@example.nhs.uk", "the second passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.PostSignInAsync(Client(), "twice@example.nhs.uk", "the first passphrase")).StatusCode);
    }

    [Fact]
    public async Task Add_FirstAdmin_NoPasswordRolesAndAuditEvent()
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(FirstAdmin);
        Assert.NotNull(user);
        Assert.Equal("First Admin", user.FullName);
        Assert.True(user.EmailConfirmed);
        Assert.Equal(["admin", "learner"], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = await db.AuditEvents.SingleAsync(e => e.SubjectUserId == user.Id && e.Action == AuditActions.AccountCreated);
        Assert.Null(created.ActorUserId);
        Assert.Equal(AuditLog.SystemActor, created.ActorName);
        Assert.Contains("iapt user add", created.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NoPasswordBeforeLinkUsed()
    {
        var (code, output, error) = Run("user", "add", "--email", "nopassword@example.nhs.uk", "--name", "No Password", "--data", _app.DataPath);
        Assert.True(code == CliApp.Ok, error);
        Assert.Contains("It has no password yet.", output, StringComparison.Ordinal);
        var (_, list, _) = Run("user", "list", "--data", _app.DataPath);
        Assert.Matches(@"nopassword@example\.nhs\.uk +No Password +learner +\(no team\) +no password yet", list);
    }

    [Fact]
    public void Add_EmailTaken_ExitsOneAndSuggestsALink()
    {
        var (code, _, error) = Run("user", "add", "--email", "FIRST.admin@example.nhs.uk", "--name", "Someone Else", "--data", _app.DataPath);
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("already exists; nothing was changed", error, StringComparison.Ordinal);
        Assert.Contains("iapt user link --email FIRST.admin@example.nhs.uk", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_ExistingAccount_NewLinkSetsPassword()
    {
        Assert.Equal(CliApp.Ok, Run("user", "add", "--email", "relink@example.nhs.uk", "--name", "Re Link", "--data", _app.DataPath).Code);
        var (code, output, error) = Run("user", "link", "--email", "relink@example.nhs.uk", "--data", _app.DataPath, "--base-url", "http://localhost");
        Assert.True(code == CliApp.Ok, error);
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(client, Link(output), "another long passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFixture.PostSignInAsync(Client(), "relink@example.nhs.uk", "another long passphrase")).StatusCode);
    }

    [Fact]
    public void Link_UnknownEmail_ExitsOne()
    {
        var (code, _, error) = Run("user", "link", "--email", "nobody@example.nhs.uk", "--data", _app.DataPath);
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("there is no account with the email nobody@example.nhs.uk", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--name|Pat Lee", "--email is required")]
    [InlineData("--email|pat lee@example.nhs.uk|--name|Pat Lee", "'pat lee@example.nhs.uk' is not an email address")]
    [InlineData("--email|pat.lee@|--name|Pat Lee", "'pat.lee@' is not an email address")]
    [InlineData("--email|pat.lee@localhost|--name|Pat Lee", "'pat.lee@localhost' is not an email address")]
    [InlineData("--email|pat.lee@example.nhs.uk", "--name is required")]
    [InlineData("--email|pat.lee@example.nhs.uk|--name|   ", "--name is required")]
    [InlineData("--email|pat.lee@example.nhs.uk|--name|Pat Lee|--role|superuser", "unknown role 'superuser'; the roles are learner, author, manager, admin.")]
    [InlineData("--email|pat.lee@example.nhs.uk|--email|pat@example.nhs.uk|--name|Pat Lee", "Option '--email' expects a single argument but 2 were provided.")]
    [InlineData("--email|pat.lee@example.nhs.uk|--name|Pat Lee|--password|x", "Unrecognized command or argument '--password'.")]
    [InlineData("--email|pat.lee@example.nhs.uk|--name", "iapt user add: --name needs a value before '--data'.")]
    public void Add_BadArguments_ExitsTwoSayingWhy(string args, string message)
    {
        var data = Path.Combine(Path.GetTempPath(), "iapt-cli-unused-" + Guid.NewGuid().ToString("N"));
        var (code, _, error) = Run(["user", "add", .. args.Split('|'), "--data", data]);
        Assert.Equal(CliApp.UsageOrUnreadable, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "Nothing is written for bad arguments.");
    }

    [Fact]
    public void Add_BadBaseUrl_ExitsTwo()
    {
        var (code, _, error) = Run("user", "add", "--email", "pat.base@example.nhs.uk", "--name", "Pat Base", "--data", _app.DataPath, "--base-url", "ftp://example");
        Assert.Equal(CliApp.UsageOrUnreadable, code);
        Assert.Contains("is not an absolute http or https address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_UnwritableDataFolder_ExitsTwoNamingIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            var folder = Path.Combine(file, "data");
            var (code, _, error) = Run("user", "add", "--email", "pat.lee@example.nhs.uk", "--name", "Pat Lee", "--data", folder);
            Assert.Equal(CliApp.UsageOrUnreadable, code);
            Assert.Contains($"cannot write to the data folder '{folder}'", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Add_NoDataOption_UsesTheWebAppsSettings()
    {
        var root = Path.Combine(Path.GetTempPath(), "iapt-cli-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "appsettings.json"), """{ "Storage": { "DataPath": "from-settings" } }""");
            var output = new StringWriter();
            var error = new StringWriter();
            var code = CliApp.Run(["user", "add", "--email", "pat.lee@example.nhs.uk", "--name", "Pat Lee"], output, error, new WebAppLocation(root, "Testing"));
            Assert.True(code == CliApp.Ok, error.ToString());
            var database = Path.Combine(root, "from-settings", "iaptlearning.db");
            Assert.Contains($"Database: {database} (Storage:DataPath 'from-settings' in the web app's settings, from {root})", output.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(database));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Add_NoDataOptionAndNoWebAppSettings_ExitsTwoWritingNothing()
    {
        var root = Path.Combine(Path.GetTempPath(), "iapt-cli-nowhere-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var error = new StringWriter();
            var code = CliApp.Run(["user", "add", "--email", "pat.lee@example.nhs.uk", "--name", "Pat Lee"], new StringWriter(), error, new WebAppLocation(root, "Testing"));
            Assert.Equal(CliApp.UsageOrUnreadable, code);
            Assert.Contains("cannot find the web app's data folder", error.ToString(), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Help_ListsUserAndDemoData()
    {
        var output = new StringWriter();
        Assert.Equal(CliApp.Ok, CliApp.Run(["--help"], output, new StringWriter()));
        Assert.Contains("  user ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  demo-data ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("iapt user add --email", output.ToString(), StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var location = new WebAppLocation(WebAppLocation.Detect().ContentRoot, "Testing");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, location);
        return (code, output.ToString(), error.ToString());
    }

    private static Uri Link(string output) => new(LinkPattern().Match(output).Value);

    private HttpClient Client() => _app.CreateBrowserClient();

    /// <summary>Opens the link and submits the web app's own form, as the person would.</summary>
    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, Uri link, string password)
    {
        var form = await client.GetStringAsync(link.PathAndQuery);
        return await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebAppFixture.AntiforgeryToken(form),
            ["_handler"] = "set-up-account",
            ["Input.Code"] = WebUtility.HtmlDecode(Hidden("Input.Code", form)),
            ["Input.Email"] = WebUtility.HtmlDecode(Hidden("Input.Email", form)),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
    }

    private static string Hidden(string name, string html)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No hidden field {name} in the page.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
