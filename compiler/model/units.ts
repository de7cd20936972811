// Units of the route language: human durations ("2h", "14d"), CloudWatch log retentions and
// EventBridge schedule expressions, converted to the numbers AWS takes.
const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
  y: 31536000, year: 31536000, years: 31536000,
};

/** Seconds of a duration written as "2h" / "90 s" / 120; undefined when malformed. */
export function durationSeconds(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = /^([0-9]+) ?([a-z]+)$/.exec(value.trim());
  if (!match) return undefined;
  const unit = UNIT_SECONDS[match[2]];
  return unit === undefined ? undefined : Number(match[1]) * unit;
}

export function formatSeconds(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/**
 * Days of a retention ("30d", "1y" = 365 days, "forever" = 0, or a number of days). `allowed` limits
 * the result to CloudWatch's values; `1y`..`10y` map to the CloudWatch values for whole years.
 */
export function retentionDays(value: string | number, allowed?: readonly number[]): { days: number } | { error: string } {
  if (value === 'forever' || (value === 0 && !allowed)) return { days: 0 };
  if (value === 0) return { error: '0 days is not a retention CloudWatch Logs accepts (write `forever` to keep logs forever)' };
  let days: number | undefined;
  if (typeof value === 'number') days = Number.isInteger(value) && value > 0 ? value : undefined;
  else {
    const years = /^([0-9]+) ?(y|year|years)$/.exec(value.trim());
    if (years) {
      const n = Number(years[1]);
      const byYears: Record<number, number> = { 1: 365, 2: 731, 3: 1096, 5: 1827, 6: 2192, 7: 2557, 8: 2922, 9: 3288, 10: 3653 };
      days = allowed ? byYears[n] : n * 365;
    } else {
      const seconds = durationSeconds(value);
      if (seconds !== undefined && seconds % 86400 === 0) days = seconds / 86400;
    }
  }
  if (days === undefined && allowed && typeof value === 'string' && /^[0-9]+ ?(y|year|years)$/.test(value.trim())) {
    return { error: `${JSON.stringify(value)} is not a retention CloudWatch Logs accepts (in years: 1y, 2y, 3y, 5y to 10y)` };
  }
  if (days === undefined) return { error: `${JSON.stringify(value)} is not a retention in whole days` };
  if (allowed && !allowed.includes(days)) return { error: `${days} days is not a retention CloudWatch Logs accepts` };
  return { days };
}

const RATE = /^rate\(([1-9][0-9]*) (minute|minutes|hour|hours|day|days)\)$/;

/** Checks an EventBridge rule schedule expression; returns the problem or undefined. */
export function scheduleProblem(expression: string): string | undefined {
  const rate = RATE.exec(expression);
  if (rate) {
    const singular = rate[1] === '1';
    if (singular !== !rate[2].endsWith('s')) {
      return singular ? `a rate of 1 takes a singular unit ("1 ${rate[2].replace(/s$/, '')}")` : `a rate above 1 takes a plural unit ("${rate[1]} ${rate[2]}s")`;
    }
    return undefined;
  }
  if (expression.startsWith('rate(')) return 'a rate is "rate(N unit)" with unit minute(s), hour(s) or day(s), e.g. "rate(5 minutes)"';
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (!cron) return 'a schedule is "rate(...)" or "cron(...)"';
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return `cron takes 6 fields (minutes hours day-of-month month day-of-week year), not ${fields.length}`;
  const [, , dom, , dow] = fields;
  if ((dom === '?') === (dow === '?')) return 'exactly one of day-of-month (3rd field) and day-of-week (5th field) must be "?"';
  const valid = [
    /^([0-5]?[0-9]|\*)([,\-/][0-9*]+)*$/,
    /^(\*|[01]?[0-9]|2[0-3])([,\-/][0-9*]+)*$/,
    /^(\?|\*|L|LW|[0-9]{1,2}W?)([,\-/][0-9]+W?)*$/,
    /^(\*|[0-9]{1,2}|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)([,\-/]([0-9]{1,2}|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))*$/i,
    /^(\?|\*|[1-7]L?|SUN|MON|TUE|WED|THU|FRI|SAT|L)([,\-/#]([0-9]|SUN|MON|TUE|WED|THU|FRI|SAT))*$/i,
    /^(\*|(19[7-9][0-9]|2[01][0-9]{2}))([,\-/][0-9*]+)*$/,
  ];
  const names = ['minutes', 'hours', 'day-of-month', 'month', 'day-of-week', 'year'];
  for (let i = 0; i < 6; i++) {
    if (!valid[i].test(fields[i])) return `the ${names[i]} field "${fields[i]}" is not valid`;
  }
  return undefined;
}

/** `{ rate: "1 hour" }` / `{ cron: "..." }` / "rate(...)" to the expression string. */
export function scheduleExpression(value: string | { rate?: string; cron?: string }): string {
  if (typeof value === 'string') return value.trim();
  if (value.rate !== undefined) return `rate(${value.rate.trim()})`;
  if (value.cron !== undefined) return `cron(${value.cron.trim()})`;
  return '';
}
