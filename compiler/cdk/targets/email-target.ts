// Email targets: a small sender function per target (compiler/cdk/runtime/email-sender.ts) renders the
// target's Handlebars subject and body over the event and sends the mail with SES v2. Its role may send
// as the declared SES identity only. The sender has the same failure handling as any function: Lambda
// retries, failed invocations to the route's dead-letter queue, alarms on errors and throttles.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { EmailTarget } from '../../model/types';
import { failureDestination, handleFunctionFailures } from '../failure/failure-handling';
import { buildLambda } from '../resources/lambda';
import { allowRuleToInvoke } from './lambda-target';
import type { TargetBuilder } from './target-builder';

/** Environment the sender reads (compiler/cdk/runtime/email-sender.ts). */
export const EMAIL_ENV = {
  from: 'EMAIL_FROM',
  to: 'EMAIL_TO',
  cc: 'EMAIL_CC',
  subject: 'EMAIL_SUBJECT_TEMPLATE',
  body: 'EMAIL_BODY_TEMPLATE',
} as const;

/** Lambda's asynchronous retry settings of email senders. */
export const EMAIL_SENDER_ASYNC = { retries: 2, maxAgeSeconds: 21_600 } as const;

export const emailTargetBuilder: TargetBuilder<EmailTarget> = {
  kind: 'email',
  build(target, ctx) {
    const { system, route } = ctx;
    const lambdaDefaults = system.model.defaults.lambda;
    const scope = new Construct(ctx.scope, `Email.${target.id}`);
    const what = `the email sender of route ${route.name} (target ${target.id})`;
    const built = buildLambda(scope, {
      what,
      functionName: system.names.emailSenderName(route, target.id),
      description: `eventroutes: ${route.name} emails ${target.to.join(', ')}`,
      code: system.options.code.emailSender(),
      runtime: lambdaDefaults.runtime,
      architecture: lambdaDefaults.architecture,
      memoryMb: 256,
      timeoutSeconds: 30,
      tracing: lambdaDefaults.tracing,
      logRetentionDays: system.model.defaults.logRetentionDays,
      environment: {
        [EMAIL_ENV.from]: target.from,
        [EMAIL_ENV.to]: target.to.join(','),
        ...(target.cc.length > 0 ? { [EMAIL_ENV.cc]: target.cc.join(',') } : {}),
        [EMAIL_ENV.subject]: target.subject,
        [EMAIL_ENV.body]: target.body,
      },
    });
    built.policy.addStatements(new PolicyStatement({ sid: 'SendAsIdentity', actions: ['ses:SendEmail'], resources: [system.names.sesIdentityArn(target.identity).token] }));
    const settings = { ...EMAIL_SENDER_ASYNC, onFailure: target.deadLetterQueue !== null ? { kind: 'queue' as const, queue: target.deadLetterQueue } : null };
    handleFunctionFailures(scope, built, settings, failureDestination(settings, (q) => ctx.local.queueArn(q), system), what, system);
    allowRuleToInvoke(ctx, target.id, built.functionArn);
    return { arn: built.functionArn, roleStatements: [], transformsInput: true };
  },
};
