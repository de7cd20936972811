// Phase timings of a run (`compile --timings`): where the time goes, for users and the benchmark.
// The clock is process.hrtime: the global `performance` loads perf_hooks on first use (about 1 ms).
function now(): number {
  const [seconds, nanos] = process.hrtime();
  return seconds * 1000 + nanos / 1e6;
}

export class Timings {
  private readonly phases: [string, number][] = [];
  private last = now();

  /** Ends the current phase under `name` (a name used before adds to that phase). */
  lap(name: string): void {
    const at = now();
    this.add(name, at - this.last);
    this.last = at;
  }

  /** Adds a measured duration (for work that overlapped other phases). */
  add(name: string, millis: number): void {
    const phase = this.phases.find(([n]) => n === name);
    if (phase) phase[1] += millis;
    else this.phases.push([name, millis]);
  }

  format(): string {
    return `timings: ${this.phases.map(([n, ms]) => `${n} ${Math.round(ms)} ms`).join(', ')}\n`;
  }
}
