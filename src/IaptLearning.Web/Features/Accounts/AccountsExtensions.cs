using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IaptLearning.Web.Components.Account;
using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Features.Accounts;

public static class AccountsExtensions
{
    public const int PasswordHashIterations = 220_000;

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization(Roles.AddPolicies);

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                // Off by default so a fresh install with no mail server can be used; see docs/accounts.md.
                options.SignIn.RequireConfirmedAccount = builder.Configuration.GetValue("Accounts:RequireConfirmedEmail", false);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;

                // Length over composition (NCSC, OWASP ASVS 6.2.1 and 6.2.5).
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicy>();

        // OWASP's figure for PBKDF2-HMAC-SHA512, which is what Identity V3 hashes use.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordHashIterations);
        services.AddMemoryCache();

        // Keys on disk, so sign-ins survive a restart; encrypted at rest with a certificate when one is
        // configured (Linux has no DPAPI). Without one, Data Protection warns at start-up, which a real
        // install should heed; Development turns that one warning off (appsettings.Development.json).
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("IaptLearning")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(StoragePaths.DataPath(builder), "keys")));
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(LoadKeyCertificate(certificatePath, builder.Configuration["DataProtection:CertificatePassword"]));
        }

        services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        services.PostConfigure<EmailOptions>(options =>
            options.PickupFolder = Path.GetFullPath(Path.Combine(StoragePaths.DataPath(builder), options.PickupFolder ?? "mail")));
        services.AddSingleton<IEmailSender<ApplicationUser>, EmailSender>();

        // Registered before the demo accounts, which are given roles.
        services.AddHostedService<RoleSeeder>();

        if (builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Accounts:CreateDemoAccounts", false))
        {
            services.AddHostedService<DemoAccounts>();
        }

        return builder;
    }

    private static X509Certificate2 LoadKeyCertificate(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' has no private key; the key ring needs one to decrypt its keys.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{path}' could not be read as a PKCS#12 (.pfx) file with DataProtection:CertificatePassword: {e.Message}", e);
        }
    }
}
