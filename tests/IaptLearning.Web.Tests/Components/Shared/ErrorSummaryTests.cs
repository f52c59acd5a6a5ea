using Bunit;
using IaptLearning.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace IaptLearning.Web.Tests.Components.Shared;

public class ErrorSummaryTests : BunitContext
{
    private sealed class Model
    {
        public string? Name { get; set; }
    }

    public ErrorSummaryTests()
    {
        // The summary focuses itself when errors arrive (ElementReference.FocusAsync goes through JS interop).
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Render_NoErrors_RendersNothing()
    {
        var cut = Render<ErrorSummary>(p => p.AddCascadingValue(new EditContext(new Model())));
        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void Render_ValidationFailsAfterRender_ShowsSummaryWithMessage()
    {
        var model = new Model();
        var context = new EditContext(model);
        var messages = new ValidationMessageStore(context);
        var cut = Render<ErrorSummary>(p => p.AddCascadingValue(context));

        messages.Add(context.Field(nameof(Model.Name)), "Enter your full name");
        cut.InvokeAsync(context.NotifyValidationStateChanged);

        Assert.Equal("There is a problem", cut.Find("h2").TextContent);
        Assert.Equal("Enter your full name", cut.Find("li").TextContent);
        Assert.NotNull(cut.Find("[role=alert]"));
    }

    [Fact]
    public void Render_ExtraErrors_AreListed()
    {
        var cut = Render<ErrorSummary>(p => p
            .AddCascadingValue(new EditContext(new Model()))
            .Add(c => c.Errors, ["Email 'x' is already taken."]));
        Assert.Equal("Email 'x' is already taken.", cut.Find("li").TextContent);
    }

    [Fact]
    public void Render_FieldErrors_LinkToTheFieldOnThisPageAndComeFirst()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/manage/assignments/new?team=3#top");

        var cut = Render<ErrorSummary>(p => p
            .Add(c => c.FieldErrors, [new FieldError("due-day", "Enter a due date")])
            .Add(c => c.Errors, ["Choose who the assignment is for"]));

        var items = cut.FindAll("li");
        Assert.Equal(2, items.Count);
        var link = items[0].QuerySelector("a")!;
        Assert.Equal("/manage/assignments/new?team=3#due-day", link.GetAttribute("href"));
        Assert.Equal("Enter a due date", link.TextContent);
        Assert.Null(items[1].QuerySelector("a"));
    }

    private sealed class Account
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [Fact]
    public void Render_ValidationMessages_LinkToTheirFieldsInTheModelsOrder_OthersUnlinked()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/Account/Register");
        var context = new EditContext(new Account());
        var messages = new ValidationMessageStore(context);
        messages.Add(context.Field(""), "The link has expired");
        messages.Add(context.Field(nameof(Account.Password)), "Passwords must be at least 12 characters.");
        messages.Add(context.Field(nameof(Account.Email)), "Enter your email address");

        var cut = Render<ErrorSummary>(p => p.AddCascadingValue(context));

        var items = cut.FindAll("li");
        Assert.Equal(["/Account/Register#Input.Email", "/Account/Register#Input.Password", null],
            items.Select(i => i.QuerySelector("a")?.GetAttribute("href")));
        Assert.Equal(["Enter your email address", "Passwords must be at least 12 characters.", "The link has expired"], items.Select(i => i.TextContent));
    }

    [Fact]
    public void Render_FieldId_NamesEachPropertysInput()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/profile");
        var context = new EditContext(new Account());
        new ValidationMessageStore(context).Add(context.Field(nameof(Account.Email)), "Enter your email address");

        var cut = Render<ErrorSummary>(p => p
            .AddCascadingValue(context)
            .Add(c => c.FieldId, property => property == nameof(Account.Email) ? "email" : null));

        Assert.Equal("/profile#email", cut.Find("li a").GetAttribute("href"));
    }

    [Fact]
    public void Render_NewErrors_TakeFocusOnceUntilTheyChange()
    {
        var cut = Render<ErrorSummary>(p => p.Add(c => c.Errors, ["Enter a name"]));
        Assert.Single(JSInterop.Invocations, i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase));

        cut.Render(p => p.Add(c => c.Errors, ["Enter a name"]));
        Assert.Single(JSInterop.Invocations, i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase));

        cut.Render(p => p.Add(c => c.Errors, ["Enter an email address"]));
        Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Render_Title_ReplacesTheDefaultHeading()
    {
        var cut = Render<ErrorSummary>(p => p
            .Add(c => c.Title, "There is a problem with the filters")
            .Add(c => c.Errors, ["Enter a real date"]));
        Assert.Equal("There is a problem with the filters", cut.Find("h2").TextContent);
    }
}
