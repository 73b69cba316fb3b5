// Seeded randomness for the simulation. Uniforms come from mulberry32 (a tiny,
// well-known 32-bit generator); every distribution is sampled by jStat, fed with
// those uniforms. Each entity draws from its own stream, keyed by (seed, label),
// so a vendor's projects are the same whichever ranking hired it (common random
// numbers) and results never depend on the order things were generated in.
import { jStat } from 'jstat';

function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class Rng {
  private state: number;

  private constructor(state: number) {
    this.state = state >>> 0;
  }

  /** The stream for one labelled entity of a seeded run. */
  static for(seed: number, label: string): Rng {
    return new Rng(hashLabel(`${seed}:${label}`));
  }

  /** Uniform on [0, 1). */
  readonly next = (): number => {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /** Integer uniform on [a, b] inclusive. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  beta(a: number, b: number): number {
    jStat.setRandom(this.next);
    return jStat.beta.sample(a, b);
  }

  normal(mean: number, sd: number): number {
    jStat.setRandom(this.next);
    return jStat.normal.sample(mean, sd);
  }

  /** Poisson draw; jStat only routes λ < 10 through the seeded source, so larger λ is refused. */
  poisson(lambda: number): number {
    if (lambda >= 10) throw new Error('Poisson sampling with lambda >= 10 would not be seeded');
    jStat.setRandom(this.next);
    return jStat.poisson.sample(lambda);
  }
}
