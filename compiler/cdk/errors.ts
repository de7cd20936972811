// The error the CDK app raises when the model cannot be turned into a deployable system (a limit is
// exceeded, a handler file is missing, a value EventBridge cannot take). Its message follows the
// project's four parts: what went wrong, the bad value, what is allowed, how to fix it.

export interface SynthProblem {
  /** What went wrong, naming the model element (route, function, queue...). */
  what: string;
  /** The offending value, shown as written. */
  value?: string;
  /** What AWS or eventroutes allows. */
  allowed: string;
  /** How to fix it. */
  fix: string;
}

export class SynthError extends Error {
  readonly problem: SynthProblem;

  constructor(problem: SynthProblem) {
    super(formatProblem(problem));
    this.name = 'SynthError';
    this.problem = problem;
  }
}

export function formatProblem(p: SynthProblem): string {
  const value = p.value === undefined ? '' : `: ${p.value}`;
  return `${p.what}${value}\n  allowed: ${p.allowed}\n  fix: ${p.fix}`;
}
