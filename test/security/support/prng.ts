/** A small seeded PRNG (mulberry32): the same seed gives the same messages, so a failure reproduces. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, max). */
  int(max: number): number
  pick<Item>(items: readonly Item[]): Item
  chance(probability: number): boolean
}

export function createRandom(seed: number): Random {
  let value = seed >>> 0
  const next = () => {
    value = (value + 0x6d2b79f5) >>> 0
    let t = value
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  }
}
