const day = 24 * 60 * 60 * 1000

/** A stable number in [0, 1) for a string: the same device always gets the same phase. */
export function hashToUnit(text: string): number {
  // FNV-1a, 32 bits: tiny, stable across runs and platforms.
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) / 0x1_0000_0000
}

/**
 * A daily wave between `low` and `high` for `seed` at `time` (ms): a sine over 24 hours, shifted
 * per seed, with a little deterministic jitter per sample. The same inputs give the same value.
 */
export function dailyWave(seed: string, time: number, low: number, high: number): number {
  const phase = hashToUnit(seed) * 2 * Math.PI
  const wave = (Math.sin((2 * Math.PI * (time % day)) / day + phase) + 1) / 2
  const jitter = (hashToUnit(`${seed}:${time}`) - 0.5) * 0.06
  const unit = Math.min(1, Math.max(0, wave + jitter))
  return low + unit * (high - low)
}

/** `value` rounded to `digits` decimals. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
