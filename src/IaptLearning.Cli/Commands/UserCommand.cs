using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using IaptLearning.Cli.Hosting;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaptLearning.Cli.Commands;

/// <summary>
/// Accounts from the command line: the first admin on a new install (no default passwords), a
/// fresh set-password link, and a list. Uses the web app's database and key ring.
/// </summary>
public static class UserCommand
{
    private const string DataHelp =
        "The web app's data folder (database, keys). Default: what the web app uses: Storage__DataPath or ConnectionStrings__Default " +
        "from the environment, else its appsettings.json (the repository's data/ when run inside the repository). The database used is printed.";

    public static Command Create(WebAppLocation? location)
    {
        var command = new CliCommand("user", "Add an account (the first admin) with a one-time link to set its password; list accounts.")
        {
            MoreHelp = () => "The first admin on a new install: iapt user add --email <email> --name \"<full name>\" --role admin",
        };
        command.Add(AddCommand(location));
        command.Add(LinkCommand(location));
        command.Add(ListCommand(location));
        return command;
    }

    private static CliCommand AddCommand(WebAppLocation? location)
    {
        var email = EmailOption();
        var name = new Option<string>("--name") { Description = "The person's full name, as it should appear on certificates.", HelpName = "full name" };
        var role = new Option<string[]>("--role") { Description = "A role besides learner, which every account has; repeat for more. The roles are listed below.", HelpName = "role" };
        var data = DataOption();
        var baseUrl = BaseUrlOption();
        var command = new CliCommand("add", "Create an account with no password, give it the roles and print a one-time link to set the password.")
        {
            MoreHelp = () => $"""
                Roles: {string.Join(", ", Roles.All)}.
                The link works once and expires (24 hours by default); give it only to that person.
                Example: iapt user add --email pat.lee@example.nhs.uk --name "Pat Lee" --role admin
                Exit codes: 0 done, 1 refused (for example the email is taken), 2 bad arguments or unusable data folder.
                """,
        };
        command.Add(email);
        command.Add(name);
        command.Add(role);
        command.Add(data);
        command.Add(baseUrl);
        SetAction(command, "add", location, (parse, host) => AddAsync(
            parse.GetValue(email), parse.GetValue(name), parse.GetValue(role) ?? [], Account(parse, host, data, baseUrl), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static CliCommand LinkCommand(WebAppLocation? location)
    {
        var email = EmailOption();
        var data = DataOption();
        var baseUrl = BaseUrlOption();
        var command = new CliCommand("link", "Print a new set-password link for an existing account (the old one stops working once either is used).")
        {
            MoreHelp = () => "Exit codes: 0 done, 1 refused (no such account, or it is deactivated), 2 bad arguments or unusable data folder.",
        };
        command.Add(email);
        command.Add(data);
        command.Add(baseUrl);
        SetAction(command, "link", location, (parse, host) => LinkAsync(
            parse.GetValue(email), Account(parse, host, data, baseUrl), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command ListCommand(WebAppLocation? location)
    {
        var data = DataOption();
        var command = new Command("list", "List every account with its roles and team.") { data };
        SetAction(command, "list", location, (parse, host) => ListAsync(Account(parse, host, data, null), parse.InvocationConfiguration.Output));
        return command;
    }

    private static Option<string> EmailOption() => new("--email") { Description = "The address the person signs in with.", HelpName = "email" };

    private static Option<string> DataOption() => new("--data") { Description = DataHelp, HelpName = "folder" };

    private static Option<string> BaseUrlOption() =>
        new("--base-url") { Description = $"The site's address for the link. Default: Site:PublicBaseUrl, else {IaptLearning.Web.PublicAddress.DefaultBaseUrl}.", HelpName = "url" };

    /// <summary>Where the account commands work: the web app's folder and the options that choose its data and its address.</summary>
    private sealed record AccountSettings(WebAppLocation Location, string? DataFolder, string? BaseUrl);

    private static AccountSettings Account(ParseResult parse, WebAppLocation location, Option<string> data, Option<string>? baseUrl) =>
        new(location, parse.GetValue(data), baseUrl is null ? null : parse.GetValue(baseUrl));

    private static void SetAction(Command command, string verb, WebAppLocation? location, Func<ParseResult, WebAppLocation, Task<int>> action) =>
        command.SetAction(async parse =>
        {
            try
            {
                return await action(parse, location ?? WebAppLocation.Detect());
            }
            catch (CliException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"iapt user {verb}: {e.Message}");
                return e.ExitCode;
            }
        });

    private static async Task<int> AddAsync(string? email, string? name, string[] roleNames, AccountSettings settings, TextWriter output, TextWriter error)
    {
        email = email?.Trim();
        name = name?.Trim();
        var problems = new List<string>();
        if (CheckEmail(email) is { } emailProblem)
        {
            problems.Add(emailProblem);
        }

        if (string.IsNullOrEmpty(name))
        {
            problems.Add("--name is required: the person's full name, as it should appear on certificates.");
        }
        else if (name.Length > 200 || name.Any(char.IsControl))
        {
            problems.Add("--name must be at most 200 characters, with no control characters.");
        }

        var roles = new List<string> { Roles.Learner };
        foreach (var role in roleNames)
        {
            var known = Roles.All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add($"unknown role '{role}'; the roles are {string.Join(", ", Roles.All)}.");
            }
            else if (!roles.Contains(known))
            {
                roles.Add(known);
            }
        }

        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                error.WriteLine($"iapt user add: {p}");
            }

            return CliApp.UsageOrUnreadable;
        }

        return await WithAccountsAsync(settings, output, async (users, db, now, link) =>
        {
            if (await users.FindByEmailAsync(email!) is not null)
            {
                error.WriteLine(
                    $"iapt user add: an account with the email {email} already exists; nothing was changed. " +
                    $"To give its owner a new link to set a password, run 'iapt user link --email {email}'; " +
                    "to change its roles, an admin can edit the person at /admin/people.");
                return CliApp.Failed;
            }

            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                // The admin running this vouches for the address; the link goes to that person only.
                EmailConfirmed = true,
                FullName = name,
                CreatedAtUtc = now,
            };
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var created = await users.CreateAsync(user);
                var result = created.Succeeded ? await users.AddToRolesAsync(user, roles) : created;
                if (!result.Succeeded)
                {
                    error.WriteLine($"iapt user add: the account could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                    return CliApp.Failed;
                }

                AuditLog.Add(db, null, AuditActions.AccountCreated,
                    $"Account created for {email} with roles {string.Join(", ", roles)} (command line: iapt user add)",
                    user.Id, new { roles, via = "iapt user add" }, now);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            output.WriteLine($"Created the account for {name} <{email}> with roles: {string.Join(", ", roles)}. It has no password yet.");
            await link(user);
            return CliApp.Ok;
        });
    }

    private static async Task<int> LinkAsync(string? email, AccountSettings settings, TextWriter output, TextWriter error)
    {
        email = email?.Trim();
        if (CheckEmail(email) is { } emailProblem)
        {
            error.WriteLine($"iapt user link: {emailProblem}");
            return CliApp.UsageOrUnreadable;
        }

        return await WithAccountsAsync(settings, output, async (users, db, now, link) =>
        {
            var user = await users.FindByEmailAsync(email!);
            if (user is null)
            {
                error.WriteLine($"iapt user link: there is no account with the email {email}. Create it with 'iapt user add --email {email} --name ...'.");
                return CliApp.Failed;
            }

            if (user.DeactivatedAtUtc is not null)
            {
                error.WriteLine($"iapt user link: the account {email} is deactivated; an admin must reactivate it at /admin/people first.");
                return CliApp.Failed;
            }

            AuditLog.Add(db, null, AuditActions.AccountChanged, $"Set-password link issued for {email} (command line: iapt user link)", user.Id, new { via = "iapt user link" }, now);
            await db.SaveChangesAsync();
            await link(user);
            return CliApp.Ok;
        });
    }

    private static async Task<int> ListAsync(AccountSettings settings, TextWriter output)
    {
        return await WithAccountsAsync(settings, output, async (_, db, _, _) =>
        {
            var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync())
                .ToLookup(x => x.UserId, x => x.Name);
            var people = await db.Users.AsNoTracking()
                .OrderBy(u => u.Email)
                .Select(u => new { u.Id, u.Email, u.FullName, Team = u.Team == null ? null : u.Team.Name, Password = u.PasswordHash != null, u.DeactivatedAtUtc })
                .ToListAsync();
            foreach (var p in people)
            {
                var notes = new List<string>();
                if (!p.Password)
                {
                    notes.Add("no password yet");
                }

                if (p.DeactivatedAtUtc is not null)
                {
                    notes.Add("deactivated");
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Email,-40} {p.FullName,-28} {string.Join(",", roles[p.Id].Order(StringComparer.Ordinal)),-24} {p.Team ?? "(no team)",-24} {string.Join("; ", notes)}").TrimEnd());
            }

            output.WriteLine(people.Count == 1 ? "1 account." : $"{people.Count} accounts.");
            return CliApp.Ok;
        });
    }

    private static Task<WebAppHost> StartAsync(AccountSettings settings) =>
        WebAppHost.StartAsync(settings.Location, settings.DataFolder, new Dictionary<string, string?>(), builder =>
        {
            builder.AddData();
            builder.AddAccounts();
        });

    /// <summary>Runs <paramref name="action"/> with Identity over the web app's database, and a writer of set-password links.</summary>
    private static async Task<int> WithAccountsAsync(
        AccountSettings settings,
        TextWriter output,
        Func<UserManager<ApplicationUser>, AppDbContext, DateTime, Func<ApplicationUser, Task>, Task<int>> action)
    {
        await using var host = await StartAsync(settings);
        output.WriteLine($"Database: {host.Database}");
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var baseUrl = BaseUrl(services.GetRequiredService<IConfiguration>(), settings.BaseUrl);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var lifespan = services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan;
        return await action(users, services.GetRequiredService<AppDbContext>(), now, async user =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            output.WriteLine($"Link to set the password (works once; expires {UkTime.DateAndTime(now + lifespan)}, UK time):");
            output.WriteLine();
            output.WriteLine($"  {IaptLearning.Web.Features.Admin.Invitations.Link(baseUrl, token, user.Email!).AbsoluteUri}");
            output.WriteLine();
            output.WriteLine($"Give it to {user.Email} only, by a secure route: whoever opens it can choose the password. A new link: 'iapt user link --email {user.Email}'.");
        });
    }

    private static Uri BaseUrl(IConfiguration configuration, string? option)
    {
        // The web app's own reading of its address, so the CLI's links match the emailed ones.
        var configured = option ?? IaptLearning.Web.PublicAddress.ConfiguredValue(configuration);
        return IaptLearning.Web.PublicAddress.TryParse(configured, out var address)
            ? address.BaseUrl
            : throw new CliException($"the base address '{configured}' is not an absolute http or https address; give --base-url like https://learning.example.nhs.uk.");
    }

    /// <summary>Null when the address is usable; otherwise what is wrong with it.</summary>
    public static string? CheckEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "--email is required: the address the person will sign in with.";
        }

        return email.Length <= 256
            && !email.Any(char.IsWhiteSpace)
            && new EmailAddressAttribute().IsValid(email)
            && MailAddress.TryCreate(email, out var parsed)
            && string.Equals(parsed.Address, email, StringComparison.Ordinal)
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            ? null
            : $"'{email}' is not an email address (like name@example.nhs.uk).";
    }
}
