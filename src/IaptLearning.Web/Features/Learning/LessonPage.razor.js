// Reports whether the learner is here. The server decides how much time that is worth,
// by its own clock, so nothing sent from here can add more than wall-clock time.
// idleAfterMs is the server's Learning:IdleAfter setting, handed over when timing starts.
export function start(dotNet, intervalMs, idleAfterMs) {
  let lastInput = Date.now();
  let active = isVisible();
  let stopped = false;

  const send = (wasActive) => {
    if (stopped) return;
    dotNet.invokeMethodAsync('Heartbeat', wasActive).catch(() => { /* circuit gone: the server keeps what it had */ });
  };

  const onInput = () => {
    lastInput = Date.now();
    if (!active && isVisible()) {
      active = true;
      send(false); // Resuming: restart the server's clock without crediting the gap.
    }
  };

  const onVisibility = () => {
    if (isVisible()) {
      onInput();
    } else if (active) {
      active = false;
      send(true); // Credit up to now, then pause.
    }
  };

  const timer = setInterval(() => {
    if (!active) return;
    if (!isVisible() || Date.now() - lastInput > idleAfterMs) {
      active = false;
      send(true);
      return;
    }
    send(true);
  }, intervalMs);

  const events = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart', 'focusin'];
  const options = { passive: true, capture: true };
  events.forEach((e) => window.addEventListener(e, onInput, options));
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onVisibility);

  return {
    stop() {
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
