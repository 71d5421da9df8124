/** Wraps `fn` so that only its first call runs; later calls return the first result. */
export function once<Args extends unknown[], Result>(fn: (...args: Args) => Result): (...args: Args) => Result {
  let called = false
  let result: Result
  return (...args) => {
    if (!called) {
      called = true
      result = fn(...args)
    }
    return result
  }
}
