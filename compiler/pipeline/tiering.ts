// V8's optimizing compiler (TurboFan) for a compile. A recompile is a few hundred milliseconds of code
// that runs once per entry: TurboFan's background compilations of it rarely pay off, and on two cores
// they take the second one from the garbage collector (measured: a one-file recompile of 1,500 routes
// about 19 ms faster without it). So the command line starts `compile` and `check` with --no-turbofan
// (bin/eventroutes.cjs), and a run with much to do turns it on again here.
import { setFlagsFromString } from 'node:v8';

/** Characters of changed route files from which a run counts as big (with PARALLEL_THRESHOLD files). */
export const BIG_RUN_TEXT = 256 * 1024;

/** TurboFan on for the rest of this process (a big run); nothing changes where it is on already. */
export function optimizeFromNowOn(): void {
  setFlagsFromString('--turbofan');
}
