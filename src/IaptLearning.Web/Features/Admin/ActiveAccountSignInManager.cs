using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Features.Admin;

/// <summary>
/// Refuses sign-in to a deactivated account by every route (password, passkey, two-factor,
/// external): Identity asks <see cref="CanSignInAsync"/> before it checks anything else, and a
/// refusal comes back as <see cref="SignInResult.NotAllowed"/>, which the sign-in page explains.
/// Also makes a password sign-in tell nobody which addresses have accounts: an unknown address
/// costs the same password hash as a known one, and is "locked out" after as many failures.
/// </summary>
public sealed class ActiveAccountSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IMemoryCache cache)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string DeactivatedMessage = "This account has been deactivated, so you cannot sign in. If you think this is a mistake, contact your service's learning administrator.";

    private static readonly Lazy<string> PlaceholderHash = new(() =>
        new PasswordHasher<ApplicationUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = Accounts.AccountsExtensions.PasswordHashIterations }))
            .HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendOneHash(password);
            return lockoutOnFailure && CountUnknownFailure(userName) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        // Identity answers a locked account before hashing; hash anyway, so timing does not tell.
        // A deactivated account (locked for good too) goes to Identity, which refuses it as NotAllowed.
        if (await CanSignInAsync(user) && await IsLockedOut(user))
        {
            SpendOneHash(password);
            return SignInResult.LockedOut;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    private void SpendOneHash(string password) =>
        UserManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), PlaceholderHash.Value, password ?? "");

    /// <summary>True once an unknown address has failed as often as a real account may before it locks.</summary>
    private bool CountUnknownFailure(string userName)
    {
        var lockout = Options.Lockout;
        var key = "sign-in-unknown:" + (UserManager.NormalizeName(userName) ?? userName);
        var failures = cache.Get<int>(key) + 1;
        cache.Set(key, failures, lockout.DefaultLockoutTimeSpan);
        return failures >= lockout.MaxFailedAccessAttempts;
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAtUtc is null && await base.CanSignInAsync(user);
    }
}
