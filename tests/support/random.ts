// The seeded pseudo-random numbers of the property tests (mulberry32: 32-bit state, full period, every
// bit used). An LCG computed in floating point, as some tests had, loses its low bits to rounding
// after a few steps: `next() % 8` then came out 0 almost every time, and the tests explored a sliver
// of what they meant to.

/** Numbers in [0, 1) from `seed`, the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integers in [0, n) from `seed`. */
export function seededInts(seed: number): (n: number) => number {
  const next = seededRandom(seed);
  return (n) => Math.floor(next() * n);
}
