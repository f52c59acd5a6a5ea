using IaptLearning.Web.Features.Catalog;
using IaptLearning.Web.Features.Releases;
using Microsoft.AspNetCore.Components;

namespace IaptLearning.Web.Features.Authoring;

/// <summary>
/// The author's pages re-render when the content changes, so a save shows in an open preview
/// without the author reloading it.
/// </summary>
public abstract class AuthoringPageBase : ComponentBase, IDisposable
{
    [Inject]
    protected ContentService Content { get; set; } = default!;

    [Inject]
    protected ReleaseLibrary Releases { get; set; } = default!;

    protected ContentState State { get; private set; } = ContentState.Empty;

    /// <summary>The folder's state and the releases learners get, as the author sees them.</summary>
    protected AuthoringModule? Find(string slug) => AuthoringModule.Find(State, Releases.Current, slug);

    protected override void OnInitialized()
    {
        State = Content.State;
        Content.Changed += OnContentChanged;
        Releases.Changed += OnReleasesChanged;
    }

    private void OnReleasesChanged() => OnContentChanged(Content.State);

    protected override void OnParametersSet()
    {
        State = Content.State;
        Refresh();
    }

    /// <summary>Works out what the page shows from <see cref="State"/>.</summary>
    protected abstract void Refresh();

    /// <summary>After a save or a release changed something, once <see cref="Refresh"/> has run: for work that reads more than the state.</summary>
    protected virtual Task OnChangedAsync() => Task.CompletedTask;

    private async void OnContentChanged(ContentState state)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                State = state;
                Refresh();
                await OnChangedAsync();
                StateHasChanged();
            });
        }
#pragma warning disable CA1031 // An async void handler that throws would take the process down.
        catch (Exception)
#pragma warning restore CA1031
        {
            // The circuit closed between the reload and this render, or the render failed: the next navigation renders afresh.
        }
    }

    public void Dispose()
    {
        Content.Changed -= OnContentChanged;
        Releases.Changed -= OnReleasesChanged;
        GC.SuppressFinalize(this);
    }
}
