// Phase timings of a run (`compile --timings`): where the time goes, for users and the benchmark.
export class Timings {
  private readonly phases: [string, number][] = [];
  private last = performance.now();

  /** Ends the current phase under `name` (a name used before adds to that phase). */
  lap(name: string): void {
    const now = performance.now();
    this.add(name, now - this.last);
    this.last = now;
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
