using IaptLearning.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IaptLearning.Web.Features.Admin;

/// <summary>
/// Refuses sign-in to a deactivated account by every route (password, passkey, two-factor,
/// external): Identity asks <see cref="CanSignInAsync"/> before it checks anything else, and a
/// refusal comes back as <see cref="SignInResult.NotAllowed"/>, which the sign-in page explains.
/// </summary>
public sealed class ActiveAccountSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string DeactivatedMessage = "This account has been deactivated, so you cannot sign in. If you think this is a mistake, contact your service's learning administrator.";

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAtUtc is null && await base.CanSignInAsync(user);
    }
}
