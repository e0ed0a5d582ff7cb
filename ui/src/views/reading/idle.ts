/** What counts as someone at the screen: a touch, a click, a key, the wheel. */
const ACTIVITY = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

export interface IdleTimer {
  /** Starts the count again (also done by every activity on the target). */
  restart(): void;
  stop(): void;
}

/**
 * Calls `onIdle` once `seconds` pass without activity on `target`; each activity starts the
 * count again, and after `onIdle` it starts again too, so a screen left alone is brought back
 * once, then waits.
 */
export function idleTimer(seconds: number, onIdle: () => void, target: EventTarget = window): IdleTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, Math.max(1, seconds) * 1000);
  };
  for (const event of ACTIVITY) target.addEventListener(event, restart, { capture: true, passive: true });
  restart();
  return {
    restart,
    stop() {
      clearTimeout(timer);
      for (const event of ACTIVITY) target.removeEventListener(event, restart, { capture: true });
    },
  };
}
