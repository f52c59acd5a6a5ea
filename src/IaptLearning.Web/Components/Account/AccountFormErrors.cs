using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace IaptLearning.Web.Components.Account;

/// <summary>
/// Puts a problem the server found (a wrong code, a password Identity refused) on the form field it is about,
/// as a validation message: the error summary links to the field and the field shows the message beside it,
/// as for the form's own validation.
/// </summary>
internal static class AccountFormErrors
{
    // One store per form, dropped with it; each call states the server's problems afresh, so it clears the
    // store first, and the form's own validation keeps its own store.
    private static readonly ConditionalWeakTable<EditContext, ValidationMessageStore> Stores = new();

    public static void Add(EditContext context, string property, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        Cleared(context).Add(context.Field(property), message);
        context.NotifyValidationStateChanged();
    }

    /// <summary>
    /// Identity's errors on the fields they are about: a password rule on the new password, a wrong current
    /// password on that field, an address problem on the email field; anything else (an expired link) unlinked.
    /// </summary>
    public static void AddIdentityErrors(EditContext context, IEnumerable<IdentityError> errors, string newPasswordProperty,
        string? currentPasswordProperty = null, string? emailProperty = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        var store = Cleared(context);
        foreach (var error in errors)
        {
            var property = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) when currentPasswordProperty is not null => currentPasswordProperty,
                { } code when code.StartsWith("Password", StringComparison.Ordinal) && code != nameof(IdentityErrorDescriber.PasswordMismatch) => newPasswordProperty,
                { } code when emailProperty is not null && (code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal)) => emailProperty,
                _ => "",
            };
            store.Add(context.Field(property), error.Description);
        }

        context.NotifyValidationStateChanged();
    }

    private static ValidationMessageStore Cleared(EditContext context)
    {
        var store = Stores.GetValue(context, c => new ValidationMessageStore(c));
        store.Clear();
        return store;
    }
}
