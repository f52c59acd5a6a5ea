// A link in an NHS.UK error summary moves focus to the field it names, with the field's label or legend in view,
// on every page: nhsuk-frontend does this only for summaries present at page load, and on interactive pages
// Blazor's router would take the click as a navigation to the same page. Listening in the capture phase, before
// either, the link is handled here and the browser's default (and Blazor's navigation) is prevented.
window.addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) {
    return;
  }

  const link = event.target.closest('.nhsuk-error-summary a[href*="#"]');
  if (!link) {
    return;
  }

  const id = decodeURIComponent(new URL(link.href, document.baseURI).hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) {
    return;
  }

  event.preventDefault();
  const legend = target.closest('fieldset')?.querySelector('legend');
  const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
  (legend ?? label ?? target).scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}, true);

// The summary's first interactive render focuses it unless the person has moved focus already: on a slow
// connection they may have followed one of its links (or begun typing) before the circuit started.
window.iaptErrorSummary = {
  focusUnlessMoved(summary) {
    const active = document.activeElement;
    if (!active || active === document.body || active === summary) {
      summary.focus();
    }
  },
};
