// Resource names the CDK stack passes to functions through environment variables (the `env` of each
// entry in the function's `access`, e.g. TABLE_ORDERS): read them with a clear error when missing.
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`the environment variable ${name} is not set: the CDK stack sets it for functions whose route target grants access to that resource (\`access:\` in routes/)`);
  }
  return value;
}
