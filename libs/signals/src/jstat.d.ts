// Minimal declarations for the parts of jstat 1.9 that Assay uses (the package ships no types).
declare module 'jstat' {
  interface BetaDistribution {
    /** Quantile function (inverse CDF) of Beta(alpha, beta). */
    inv(p: number, alpha: number, beta: number): number;
    cdf(x: number, alpha: number, beta: number): number;
    /** Draws one Beta(alpha, beta) variate using `jStat._random_fn`. */
    sample(alpha: number, beta: number): number;
  }
  interface NormalDistribution {
    inv(p: number, mean: number, sd: number): number;
    sample(mean: number, sd: number): number;
  }
  interface PoissonDistribution {
    /** Draws one Poisson(lambda) variate; only lambda < 10 uses `jStat._random_fn` (larger uses Math.random). */
    sample(lambda: number): number;
  }
  interface UniformDistribution {
    sample(a: number, b: number): number;
  }
  interface JStatStatic {
    beta: BetaDistribution;
    normal: NormalDistribution;
    poisson: PoissonDistribution;
    uniform: UniformDistribution;
    /** Replaces the uniform random source used by every sampler (global state). */
    setRandom(fn: () => number): void;
  }
  export const jStat: JStatStatic;
}
