// Reports whether the learner is here. The server decides how much time that is worth,
// by its own clock, so nothing sent from here can add more than wall-clock time.
// idleAfterMs is the server's Learning:IdleAfter setting, handed over when timing starts: the
// learner is away when the tab is hidden, or after that long without any input (see
// docs/learner-journey.md for why it is long enough for someone reading without moving).
export function start(dotNet, intervalMs, idleAfterMs) {
  let lastInput = Date.now();
  let active = isVisible();
  let stopped = false;

  // wasActive: here since the last report; activeNow: still here (false pauses the page's status line).
  const send = (wasActive, activeNow) => {
    if (stopped) return;
    dotNet.invokeMethodAsync('Heartbeat', wasActive, activeNow).catch(() => { /* circuit gone: the server keeps what it had */ });
  };

  const onInput = () => {
    lastInput = Date.now();
    if (!active && isVisible()) {
      active = true;
      send(false, true); // Resuming: restart the server's clock without crediting the gap.
    }
  };

  const onVisibility = () => {
    if (isVisible()) {
      onInput();
    } else if (active) {
      active = false;
      send(true, false); // Credit up to now, then pause.
    }
  };

  const timer = setInterval(() => {
    if (!active) return;
    if (!isVisible() || Date.now() - lastInput > idleAfterMs) {
      active = false;
      send(true, false);
      return;
    }
    send(true, true);
  }, intervalMs);

  const events = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart', 'focusin'];
  const options = { passive: true, capture: true };
  events.forEach((e) => window.addEventListener(e, onInput, options));
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onVisibility);

  // What is scrolled to or focused stays clear of the sticky status line (app.css), however tall it is.
  const bar = document.querySelector('.lesson-status');
  const root = document.documentElement;
  const resize = bar ? new ResizeObserver(() => root.style.setProperty('--lesson-status-height', `${bar.offsetHeight}px`)) : null;
  resize?.observe(bar);

  return {
    stop() {
      resize?.disconnect();
      stopped = true;
      clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, onInput, options));
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onVisibility);
    },
  };
}

function isVisible() {
  return document.visibilityState === 'visible';
}
