using System.Text;
using IaptLearning.EndToEnd.Tests.Pages;
using Microsoft.Playwright;

namespace IaptLearning.EndToEnd.Tests;

/// <summary>
/// A service manager on the demo organisation: filters the records to overdue, opens a learner,
/// downloads the CSV, and the file holds exactly the rows the table showed. Then an admin's pages
/// and the managers' pages are checked with axe.
/// </summary>
public sealed class ManagerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppServer _app = new();

    public async Task InitializeAsync()
    {
        // The demo organisation (3 services, 6 teams, 120 staff) is seeded at start-up with this setting.
        _app.ExtraArguments.Add("--Accounts:CreateDemoAccounts");
        _app.ExtraArguments.Add("true");
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Manager_FiltersToOverdue_OpensLearner_ExportMatchesTheTable()
    {
        var manager = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = manager.Page;
        await manager.SignInAsync("manager.north@example.nhs.uk");

        await manager.GotoAsync("manage");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Training dashboard", Level = 1 }).WaitForAsync();
        await manager.ExpectNoSeriousAxeViolationsAsync("managers' dashboard");

        await manager.GotoAsync("manage/records");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Training records", Level = 1 }).WaitForAsync();
        await manager.ExpectNoSeriousAxeViolationsAsync("training records");
        await page.GetByText("Filter the records").ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Overdue" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("status=overdue", StringComparison.OrdinalIgnoreCase));
        await manager.WaitInteractiveAsync();
        await manager.ExpectNoSeriousAxeViolationsAsync("training records filtered to overdue");

        var rows = page.Locator("table.records-table tbody tr");
        var names = await rows.Locator("th").AllInnerTextsAsync();
        var statuses = await rows.Locator("td:nth-child(5)").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(statuses, s => Assert.Contains("Overdue", s, StringComparison.Ordinal));
        var count = await page.Locator("#records-count").InnerTextAsync();
        Assert.StartsWith($"{names.Count} record", count, StringComparison.Ordinal);

        // The learner's record: lessons, time and attempts, never answers or reflections.
        await rows.First.Locator("th a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/manage/people/", StringComparison.Ordinal));
        await manager.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = names[0].Trim(), Level = 1 }).WaitForAsync();
        await manager.ExpectNoSeriousAxeViolationsAsync("a learner's record");
        await page.GoBackAsync();
        await manager.WaitInteractiveAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download these records (CSV)" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = Parse(await File.ReadAllTextAsync(path!, Encoding.UTF8));
        var header = csv[0];
        var nameColumn = header.IndexOf("Full name");
        var statusColumn = header.IndexOf("Status");
        Assert.Equal(names.Select(n => n.Trim()), csv.Skip(1).Select(r => r[nameColumn]));
        Assert.All(csv.Skip(1), r => Assert.Equal("Overdue", r[statusColumn]));
    }

    [Fact]
    public async Task NewStarter_AddedToATeamWhoseDateHasPassed_IsNotOverdue_AndTheirOwnDateIsShownAsSuch()
    {
        var admin = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = admin.Page;
        await admin.SignInAsync("admin@example.nhs.uk");

        // Ashbridge step 2's assignment was due 45 days ago.
        var name = $"Nova Starter {Guid.NewGuid().ToString("N")[..6]}";
        await admin.GotoAsync("admin/people/new");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email address").FillAsync($"nova-{Guid.NewGuid():N}@example.nhs.uk");
        var team = await page.Locator("#team option", new() { HasText = "Ashbridge step 2 team" }).GetAttributeAsync("value");
        await page.Locator("#team").SelectOptionAsync(team!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account and send invitation" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("invited=1", StringComparison.Ordinal));

        await admin.GotoAsync($"manage/records?q={Uri.EscapeDataString(name)}");
        await admin.WaitInteractiveAsync();
        var row = page.Locator("table.records-table tbody tr").First;
        await row.WaitForAsync();
        var today = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London").Date;
        var status = await row.Locator("td").Nth(3).InnerTextAsync();
        var due = await row.Locator("td").Nth(4).InnerTextAsync();
        Assert.DoesNotContain("Overdue", status, StringComparison.Ordinal);
        Assert.Contains(today.AddDays(28).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), due, StringComparison.Ordinal);
        Assert.Contains($"new starter: 28 days from joining on {today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", due, StringComparison.Ordinal);
        await admin.ExpectNoSeriousAxeViolationsAsync("records with a new starter");

        // The manager's view of the person says it too.
        await row.Locator("th a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/manage/people/", StringComparison.Ordinal));
        await admin.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("new starter: 28 days from joining on");
        await admin.ExpectNoSeriousAxeViolationsAsync("a new starter's record");

        // The view of the records table is in the audit log under its own name, counted in the singular.
        await admin.GotoAsync($"admin/audit?action=records-viewed");
        var entry = page.Locator("main table tbody tr").First;
        await Assertions.Expect(entry).ToContainTextAsync("Training records viewed");
        await Assertions.Expect(entry).ToContainTextAsync("(1 matching record)");
    }

    [Fact]
    public async Task DateFilters_OnAPhone_AreNhsDateInputs_AWrongDateLinksToItsBox()
    {
        var manager = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = manager.Page;
        await page.SetViewportSizeAsync(375, 812);
        await manager.SignInAsync("manager.north@example.nhs.uk");

        await manager.GotoAsync("manage/records");
        await manager.WaitInteractiveAsync();
        Assert.Equal(0, await page.Locator("input[type=date]").CountAsync());
        await page.GetByText("Filter the records").ClickAsync();
        var dueFrom = page.GetByRole(AriaRole.Group, new() { Name = "Due on or after" });
        await FillDateAsync(dueFrom, "31", "2", "2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await manager.ExpectErrorSummaryLinkingToAsync("The earliest due date must be a real date", "duefrom-day");
        await manager.ExpectNoSeriousAxeViolationsAsync("records with a wrong due date, at 375 px");

        // Typed as day, month and year; read as a UK date; kept in the boxes and in the links that sort and page.
        await FillDateAsync(dueFrom, "1", "1", "2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("duefrom-year=2020", StringComparison.Ordinal));
        await manager.WaitInteractiveAsync();
        Assert.Equal(0, await page.Locator(".nhsuk-error-summary").CountAsync());
        Assert.Equal("1", await dueFrom.GetByLabel("Day").InputValueAsync());
        // The column headings are hidden on a phone, where the table stacks, but their links are still the page's.
        Assert.Contains("duefrom=2020-01-01", await page.Locator("table.records-table thead a[href*='sort=due']").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);

        var admin = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await admin.Page.SetViewportSizeAsync(375, 812);
        await admin.SignInAsync("admin@example.nhs.uk");
        await admin.GotoAsync("admin/audit");
        Assert.Equal(0, await admin.Page.Locator("input[type=date]").CountAsync());
        await FillDateAsync(admin.Page.GetByRole(AriaRole.Group, new() { Name = "From" }), "5", "3", "2026");
        await FillDateAsync(admin.Page.GetByRole(AriaRole.Group, new() { Name = "To (inclusive)" }), "1", "3", "2026");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await admin.ExpectErrorSummaryLinkingToAsync("To date must be the same as or after the from date", "to-day");
        await admin.ExpectNoSeriousAxeViolationsAsync("audit log with dates the wrong way round, at 375 px");
    }

    private static async Task FillDateAsync(ILocator group, string day, string month, string year)
    {
        await group.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task AdminAndManagerPages_HaveNoSeriousAxeViolations_AndFitTheScreen(int width)
    {
        var admin = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await admin.Page.SetViewportSizeAsync(width, 900);
        await admin.SignInAsync("admin@example.nhs.uk");
        var tooWide = new List<string>();
        foreach (var (address, heading) in new[]
        {
            ("admin", "Administration"),
            ("admin/organisations", "Organisations"),
            ("admin/people", "People"),
            ("admin/people/new", "Invite a person"),
            ("admin/people/import", "Import staff from a spreadsheet"),
            ("admin/audit", "Audit log"),
            ("manage/assignments", "Assignments"),
            ("manage/assignments/new", "Assign a module"),
        })
        {
            await admin.GotoAsync(address);
            await admin.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
            await ExpectFitsAndAxeCleanAsync(admin, address, width, tooWide);
        }

        // One organisation's page and one person's page, reached by their links.
        await admin.GotoAsync("admin/organisations");
        await admin.Page.Locator("main th a[href*='admin/organisations/']").First.ClickAsync();
        await admin.Page.WaitForURLAsync(url => url.Contains("/admin/organisations/", StringComparison.Ordinal));
        await admin.WaitInteractiveAsync();
        await ExpectFitsAndAxeCleanAsync(admin, "an organisation", width, tooWide);
        await admin.GotoAsync("admin/people");
        await admin.Page.Locator("main th a[href*='admin/people/']").First.ClickAsync();
        await admin.Page.WaitForURLAsync(url => url.Contains("/admin/people/", StringComparison.Ordinal));
        await admin.WaitInteractiveAsync();
        await ExpectFitsAndAxeCleanAsync(admin, "a person", width, tooWide);
        Assert.Empty(tooWide);
    }

    private static async Task ExpectFitsAndAxeCleanAsync(Learner learner, string what, int width, List<string> tooWide)
    {
        if (await learner.WiderThanTheScreenAsync(what, width) is { } problem)
        {
            tooWide.Add(problem);
        }

        await learner.ExpectNoSeriousAxeViolationsAsync($"{what} at {width} px");
    }

    /// <summary>RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; a byte order mark skipped.</summary>
    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Invitation_OpensSetUpYourAccount_WhichSignsThePersonIn()
    {
        var admin = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await admin.SignInAsync("admin@example.nhs.uk");
        await admin.GotoAsync("admin/people/new");
        await admin.WaitInteractiveAsync();
        var email = $"invited-{Guid.NewGuid():N}@example.nhs.uk";
        await admin.Page.GetByLabel("Full name").FillAsync("Invited Person");
        await admin.Page.GetByLabel("Email address").FillAsync(email);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create account and send invitation" }).ClickAsync();
        await admin.Page.WaitForURLAsync(url => url.Contains("invited=1", StringComparison.Ordinal));

        var invitation = await new Mailbox(_app.DataPath).WaitForAsync(email, "Your IaptLearning account");
        var link = Mailbox.Link(invitation, "Account/SetUpAccount");

        var invited = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = invited.Page;
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Set up your account", Level = 1 }).WaitForAsync();
        Assert.DoesNotContain("Reset your password", await page.ContentAsync(), StringComparison.Ordinal);
        await invited.ExpectNoSeriousAxeViolationsAsync("set up your account page");
        await invited.TypeIntoAsync(page.GetByLabel("Create a password"), Learner.Password);
        await invited.TypeIntoAsync(page.GetByLabel("Confirm your password"), Learner.Password);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("/profile", StringComparison.Ordinal));
        await invited.WaitInteractiveAsync();
        await page.GetByText("Your account is set up and you are signed in.").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();

        // The link worked once.
        var again = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        await again.Page.GotoAsync(link);
        await again.Page.GetByRole(AriaRole.Heading, new() { Name = "This link cannot be used", Level = 1 }).WaitForAsync();
    }

    [Fact]
    public async Task Manager_OnAPhone_MenuCollapsesIntoMore_RecordsStackWithLabels_AndAt1280TheTableFits()
    {
        var manager = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = manager.Page;
        await page.SetViewportSizeAsync(375, 812);
        await manager.SignInAsync("manager.north@example.nhs.uk");

        foreach (var address in new[] { "manage", "manage/records", "manage/assignments", "manage/assignments/new" })
        {
            await manager.GotoAsync(address);
            await manager.WaitInteractiveAsync();
            Assert.Null(await manager.WiderThanTheScreenAsync(address, 375));
            await manager.ExpectNoSeriousAxeViolationsAsync($"{address} at 375 px");
        }

        // The links that do not fit are under "More", and reachable from there.
        var more = page.GetByRole(AriaRole.Button, new() { Name = "Browse More" });
        await more.WaitForAsync();
        await more.ClickAsync();
        Assert.Equal("true", await more.GetAttributeAsync("aria-expanded"));
        await page.Locator(".nhsuk-header__menu-list").GetByRole(AriaRole.Link, new() { Name = "Assignments" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/manage/assignments", StringComparison.Ordinal));

        // Stacked records: every value under its column's name, never a bare "None".
        await manager.GotoAsync("manage/records");
        await manager.WaitInteractiveAsync();
        var first = page.Locator("table.records-table tbody tr").First;
        var cells = await first.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(
            ["Name", "Team", "Job role", "Module", "Status", "Due", "Started", "Completed", "Score", "Certificate"],
            cells.Select(c => c.Split('\n')[0].Trim()));

        await page.SetViewportSizeAsync(1280, 900);
        await manager.GotoAsync("manage/records");
        await manager.WaitInteractiveAsync();
        var table = await page.Locator("table.records-table").BoundingBoxAsync();
        var column = await page.Locator("main").BoundingBoxAsync();
        Assert.True(table!.X + table.Width <= column!.X + column.Width + 0.5,
            $"At 1280 px the table ends at {table.X + table.Width:0} px, past the content column's {column.X + column.Width:0} px");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 1280);
    }

    [Fact]
    public async Task Manager_AssignsToSomeoneATeamAssignmentCovers_IsAskedFirst_ThenAssignsAnyway()
    {
        var manager = new Learner(await browser.NewPageAsync(_app.BaseAddress));
        var page = manager.Page;
        await manager.SignInAsync("manager.north@example.nhs.uk");
        await manager.GotoAsync("manage/assignments/new");
        await manager.WaitInteractiveAsync();

        await page.GetByLabel("Module").SelectOptionAsync(new SelectOptionValue { Label = Learner.LongCovid.Title });
        await page.GetByLabel("One person").CheckAsync();
        await page.GetByLabel("Find a person by name or email").FillAsync("learner@example.nhs.uk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByLabel("Alex Learner").CheckAsync();
        var due = DateTime.Today.AddDays(90);
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month", new() { Exact = true }).FillAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year", new() { Exact = true }).FillAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign module" }).ClickAsync();

        // Alex's team already has the module: the manager is told, with focus on the message, and chooses.
        var callout = page.Locator("#overlap");
        await callout.WaitForAsync();
        Assert.Contains("This person already has", await callout.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("overlap", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.EndsWith("/manage/assignments/new", page.Url, StringComparison.Ordinal);
        await manager.ExpectNoSeriousAxeViolationsAsync("new assignment, already assigned");

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign it anyway" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/manage/assignments?assigned=", StringComparison.Ordinal));
    }
}
