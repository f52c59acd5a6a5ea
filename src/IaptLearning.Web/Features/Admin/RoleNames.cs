namespace IaptLearning.Web.Features.Admin;

/// <summary>How each role is named on screen.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Accounts.Roles.Learner => "Learner",
        Accounts.Roles.Author => "Author",
        Accounts.Roles.Manager => "Manager",
        Accounts.Roles.Admin => "Admin",
        _ => role,
    };
}
