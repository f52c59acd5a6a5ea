using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using IaptLearning.Cli.Hosting;
using IaptLearning.Web.Components.Shared;
using IaptLearning.Web.Data;
using IaptLearning.Web.Features.Accounts;
using IaptLearning.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IaptLearning.Cli.Commands;

/// <summary>
/// Accounts from the command line: the first admin on a new install (no default passwords), a
/// fresh set-password link, and a list. Uses the web app's database and key ring.
/// </summary>
public sealed class UserCommand(WebAppLocation? location = null) : ICliCommand
{
    public string Name => "user";

    public string Summary => "add an account (the first admin) with a one-time link to set its password; list accounts";

    public string Help => $"""
        Usage: iapt user add --email <email> --name <full name> [--role <role>]... [--data <folder>] [--base-url <url>]
               iapt user link --email <email> [--data <folder>] [--base-url <url>]
               iapt user list [--data <folder>]

        add    Creates an account with no password, gives it the roles (always learner, plus each
               --role: {string.Join(", ", Roles.All)}) and prints a link to set the password. The
               link works once and expires (24 hours by default); give it only to that person.
        link   Prints a new set-password link for an existing account (the old one stops working
               once either is used).
        list   Lists every account with its roles and team.

          --data <folder>    the web app's data folder (database, keys). Default: what the web app
                             uses: Storage__DataPath / ConnectionStrings__Default from the
                             environment, else its appsettings.json (the repository's data/ when
                             run inside the repository). The database used is printed.
          --base-url <url>   the site's address for the link. Default: Site:PublicBaseUrl,
                             else {IaptLearning.Web.PublicAddress.DefaultBaseUrl}.

        Example: iapt user add --email pat.lee@example.nhs.uk --name "Pat Lee" --role admin
        Exit codes: 0 done, 1 refused (for example the email is taken), 2 bad arguments or unusable data folder.
        """;

    private WebAppLocation Location => location ?? WebAppLocation.Detect();

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verb = args.Count > 0 ? args[0] : null;
        var rest = args.Skip(1).ToList();
        try
        {
            return verb switch
            {
                "add" => AddAsync(rest, output, error).GetAwaiter().GetResult(),
                "link" => LinkAsync(rest, output, error).GetAwaiter().GetResult(),
                "list" => ListAsync(rest, output, error).GetAwaiter().GetResult(),
                _ => Usage(error, verb is null ? "say what to do: add, link or list." : $"unknown action '{verb}'; use add, link or list."),
            };
        }
        catch (CliException e)
        {
            error.WriteLine($"iapt user {verb}: {e.Message}");
            return e.ExitCode;
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"iapt user: {message} Run 'iapt user --help'.");
        return CliApp.UsageOrUnreadable;
    }

    private async Task<int> AddAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = CommandOptions.Parse(args, ["email", "name", "role", "data", "base-url"], ["role"], out var problem);
        if (options is null)
        {
            return Usage(error, problem!);
        }

        var email = options.Value("email")?.Trim();
        var name = options.Value("name")?.Trim();
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
        foreach (var role in options.Values("role"))
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

        return await WithAccountsAsync(options, output, async (users, db, now, link) =>
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

    private async Task<int> LinkAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = CommandOptions.Parse(args, ["email", "data", "base-url"], [], out var problem);
        if (options is null)
        {
            return Usage(error, problem!);
        }

        var email = options.Value("email")?.Trim();
        if (CheckEmail(email) is { } emailProblem)
        {
            error.WriteLine($"iapt user link: {emailProblem}");
            return CliApp.UsageOrUnreadable;
        }

        return await WithAccountsAsync(options, output, async (users, db, now, link) =>
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

    private async Task<int> ListAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = CommandOptions.Parse(args, ["data"], [], out var problem);
        if (options is null)
        {
            return Usage(error, problem!);
        }

        return await WithAccountsAsync(options, output, async (_, db, _, _) =>
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

    private Task<WebAppHost> StartAsync(CommandOptions options) =>
        WebAppHost.StartAsync(Location, options.Value("data"), new Dictionary<string, string?>(), builder =>
        {
            builder.AddData();
            builder.AddAccounts();
        });

    /// <summary>Runs <paramref name="action"/> with Identity over the web app's database, and a writer of set-password links.</summary>
    private async Task<int> WithAccountsAsync(
        CommandOptions options,
        TextWriter output,
        Func<UserManager<ApplicationUser>, AppDbContext, DateTime, Func<ApplicationUser, Task>, Task<int>> action)
    {
        await using var host = await StartAsync(options);
        output.WriteLine($"Database: {host.Database}");
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var baseUrl = BaseUrl(services.GetRequiredService<IConfiguration>(), options);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var lifespan = services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan;
        return await action(users, services.GetRequiredService<AppDbContext>(), now, async user =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            output.WriteLine($"Link to set the password (works once; expires {UkTime.DateAndTime(now + lifespan)}, UK time):");
            output.WriteLine();
            output.WriteLine($"  {SetPasswordLink(baseUrl, token, user.Email!).AbsoluteUri}");
            output.WriteLine();
            output.WriteLine($"Give it to {user.Email} only, by a secure route: whoever opens it can choose the password. A new link: 'iapt user link --email {user.Email}'.");
        });
    }

    private static Uri BaseUrl(IConfiguration configuration, CommandOptions options)
    {
        // The web app's own reading of its address, so the CLI's links match the emailed ones.
        var configured = options.Value("base-url") ?? IaptLearning.Web.PublicAddress.ConfiguredValue(configuration);
        return IaptLearning.Web.PublicAddress.TryParse(configured, out var address)
            ? address.BaseUrl
            : throw new CliException($"the base address '{configured}' is not an absolute http or https address; give --base-url like https://learning.example.nhs.uk.");
    }

    /// <summary>The address the web app's ResetPassword page expects: the token Base64Url-encoded in <c>code</c>.</summary>
    public static Uri SetPasswordLink(Uri baseUrl, string token, string email)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(token);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return new Uri(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), $"Account/ResetPassword?code={code}&email={Uri.EscapeDataString(email)}");
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
