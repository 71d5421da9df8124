/**
 * Calls a user's callback or event handler. If it throws, the error is reported as uncaught
 * (the console, `window.onerror`) instead of breaking the session's settlement or being swallowed.
 */
export function callSafely<Value>(handler: ((value: Value) => void) | undefined, value: Value): void {
  if (handler === undefined) return
  try {
    handler(value)
  } catch (error) {
    report(error)
  }
}

function report(error: unknown): void {
  const reportError = (globalThis as { reportError?: (error: unknown) => void }).reportError
  if (typeof reportError === 'function') reportError(error)
  else
    queueMicrotask(() => {
      throw error
    })
}
