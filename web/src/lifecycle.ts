/**
 * Timers and event streams tied to a view's `AbortSignal`: when the router leaves a view it aborts the
 * signal, and everything started through these helpers stops with it (no stream or timer outlives its page).
 */

/** Runs `fn` every `ms` milliseconds until `signal` aborts. */
export function every(signal: AbortSignal, ms: number, fn: () => void): void {
  if (signal.aborted) return;
  const id = window.setInterval(fn, ms);
  signal.addEventListener('abort', () => window.clearInterval(id), { once: true });
}

/** Runs `fn` once after `ms` milliseconds unless `signal` aborts first; returns a cancel function. */
export function later(signal: AbortSignal, ms: number, fn: () => void): () => void {
  const id = window.setTimeout(fn, ms);
  const cancel = (): void => window.clearTimeout(id);
  signal.addEventListener('abort', cancel, { once: true });
  return cancel;
}

/** A debounced caller: each call restarts the wait; nothing runs after `signal` aborts. */
export function debounce(signal: AbortSignal, ms: number, fn: () => void): () => void {
  let cancel: (() => void) | undefined;
  return () => {
    cancel?.();
    if (!signal.aborted) cancel = later(signal, ms, fn);
  };
}

/**
 * Opens a server-sent event stream with a listener per event name (data parsed as JSON); closed when
 * `signal` aborts, or by calling the returned function.
 */
export function eventStream(
  signal: AbortSignal,
  url: string,
  listeners: Record<string, (data: unknown) => void>,
): () => void {
  if (signal.aborted) return () => undefined;
  const es = new EventSource(url);
  for (const [name, fn] of Object.entries(listeners))
    es.addEventListener(name, (e) => fn(JSON.parse((e as MessageEvent<string>).data) as unknown));
  const close = (): void => es.close();
  signal.addEventListener('abort', close, { once: true });
  return close;
}
