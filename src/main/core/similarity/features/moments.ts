// Running mean and spread of a stream of numbers (Welford), kept for the "below the mean" share too.
export class Moments {
  private count = 0;
  private runningMean = 0;
  private squares = 0;
  private readonly values: number[] = [];

  add(value: number): void {
    this.count++;
    const delta = value - this.runningMean;
    this.runningMean += delta / this.count;
    this.squares += delta * (value - this.runningMean);
    this.values.push(value);
  }

  get mean(): number {
    return this.runningMean;
  }

  get std(): number {
    return this.count > 1 ? Math.sqrt(this.squares / (this.count - 1)) : 0;
  }

  fractionBelow(threshold: number): number {
    if (this.count === 0) return 0;
    let below = 0;
    for (const v of this.values) if (v < threshold) below++;
    return below / this.count;
  }
}
