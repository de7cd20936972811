// A small system that uses every feature the example system does not: tracing, bucket and table access,
// a topic as failure destination, FIFO and inbox queues, an API event type, a table stream, an
// archive kept forever, schema discovery, another account's bus, a state machine, OAuth.
import type { RouteModel } from '../../../compiler/model/types';
import { ModelBuilder } from './models';

export function everyFeature(): RouteModel {
  return new ModelBuilder()
    .defaults((d) => (d.lambda.tracing = true))
    .bus('commerce', { archive: { name: 'commerce-archive', retentionDays: 0 }, schemaDiscovery: true, allowAccounts: ['222233334444'] })
    .eventType('Placed', { bus: 'commerce', producer: { kind: 'api', method: 'POST', path: '/placed' } })
    .topic('alerts', [{ protocol: 'email', endpoint: 'a@example.com' }])
    .queue('orders', { fifo: true })
    .queue('inbox')
    .logGroup('audit')
    .apiDestination('erp', { auth: { kind: 'oauth', tokenUrl: 'https://id.example.com/token', method: 'POST', secret: 's', clientIdField: 'id', clientSecretField: 'secret' } })
    .table('ledger', { stream: { bus: 'commerce', source: 'com.example.ledger', detailType: 'Ledger Changed' } })
    .bucket('raw', { eventBridge: true, versioned: true, expireAfterDays: 30 })
    .route('everything', {
      bus: 'commerce',
      targets: [
        { kind: 'lambda', function: 'work/all' },
        { kind: 'sqs', queue: 'orders', messageGroupId: 'orders' },
        { kind: 'apiDestination', destination: 'erp' },
        { kind: 'email', from: 'a@example.com', identity: 'example.com', to: ['b@example.com'], cc: [], subject: 's', body: 'b' },
        { kind: 'logs', logGroup: 'audit' },
      ],
    })
    .route('elsewhere', {
      bus: 'commerce',
      targets: [
        { kind: 'bus', bus: null, arn: 'arn:aws:events:eu-west-1:111122223333:event-bus/partner', account: '111122223333' },
        { kind: 'stepFunctions', stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:flow' },
        { kind: 'sqs', queue: 'inbox', messageGroupId: null },
      ],
    })
    .consumer('inbox', 'inbox/consume')
    .function('work/all', (fn) => {
      fn.async.onFailure = { kind: 'topic', topic: 'alerts' };
      fn.access = { tables: [{ name: 'ledger', mode: 'readwrite', env: 'TABLE_LEDGER' }], buckets: [{ name: 'raw', mode: 'readwrite', env: 'BUCKET_RAW' }], publish: [{ bus: 'commerce', env: 'BUS_COMMERCE' }] };
    })
    .build();
}

