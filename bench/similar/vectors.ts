// Synthetic vectors for the store's figures: clusters (a library has styles, and a pass that
// stops early on far rows does better on clusters than on noise, as on real features), drawn
// from a fixed seed so every run measures the same set.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `count` vectors of `dims` around `clusters` centres, a vector at a time. */
export function* clusteredVectors(count: number, dims: number, clusters = 2000, seed = 14): Generator<Float32Array> {
  const random = seededRandom(seed);
  const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dims }, () => gaussian(random)));
  for (let i = 0; i < count; i++) {
    const centre = centres[Math.floor(random() * clusters)]!;
    yield Float32Array.from(centre, (x) => x + gaussian(random) * 0.5);
  }
}
