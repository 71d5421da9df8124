/** A stack of undo functions: each side effect pushes its undo, `run()` undoes all, once. */
export interface Cleanup {
  add(undo: () => void): void
  run(): void
}

export function createCleanup(): Cleanup {
  const undos: Array<() => void> = []
  let done = false
  return {
    add(undo) {
      // Added after teardown (an async step finished late): undo at once so nothing leaks.
      if (done) undo()
      else undos.push(undo)
    },
    run() {
      if (done) return
      done = true
      while (undos.length > 0) {
        try {
          undos.pop()!()
        } catch {
          // One failing undo (a window already gone) must not keep the others from running.
        }
      }
    },
  }
}
