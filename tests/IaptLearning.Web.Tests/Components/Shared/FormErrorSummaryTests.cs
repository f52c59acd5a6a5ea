using Bunit;
using IaptLearning.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace IaptLearning.Web.Tests.Components.Shared;

public class FormErrorSummaryTests : BunitContext
{
    private sealed class Model
    {
        public string? Name { get; set; }
    }

    [Fact]
    public void Render_NoErrors_RendersNothing()
    {
        var cut = Render<FormErrorSummary>(p => p.AddCascadingValue(new EditContext(new Model())));
        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void Render_ValidationFailsAfterRender_ShowsSummaryWithMessage()
    {
        var model = new Model();
        var context = new EditContext(model);
        var messages = new ValidationMessageStore(context);
        var cut = Render<FormErrorSummary>(p => p.AddCascadingValue(context));

        messages.Add(context.Field(nameof(Model.Name)), "Enter your full name");
        cut.InvokeAsync(context.NotifyValidationStateChanged);

        Assert.Equal("There is a problem", cut.Find("h2").TextContent);
        Assert.Equal("Enter your full name", cut.Find("li").TextContent);
        Assert.NotNull(cut.Find("[role=alert]"));
    }

    [Fact]
    public void Render_ExtraErrors_AreListed()
    {
        var cut = Render<FormErrorSummary>(p => p
            .AddCascadingValue(new EditContext(new Model()))
            .Add(c => c.Errors, ["Email 'x' is already taken."]));
        Assert.Equal("Email 'x' is already taken.", cut.Find("li").TextContent);
    }
}
