// Event buses: the custom buses with their policies for other accounts, an archive per bus that asks
// for one and schema discovery where enabled. A custom bus's archive keeps every event the bus receives
// (also events forwarded from other buses or put by other accounts); the default bus's keeps the
// sources of its declared event types, not every AWS service event of the account. The default bus
// exists in every account and is only referenced.
import { Fn } from 'aws-cdk-lib';
import { CfnArchive, CfnEventBus } from 'aws-cdk-lib/aws-events';
import { CfnDiscoverer } from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';
import type { Bus } from '../../model/types';
import type { SystemContext } from '../context';
import { busConstructId } from '../naming/construct-ids';

/** The bus resources of the core stack, for resources that reach a bus by its computed ARN. */
export class BusResources {
  private readonly created = new Map<string, CfnEventBus>();

  add(name: string, bus: CfnEventBus): void {
    this.created.set(name, bus);
  }

  /** What a resource using the bus must be created after (nothing for the default bus). */
  dependenciesOf(name: string): CfnEventBus[] {
    const bus = this.created.get(name);
    return bus ? [bus] : [];
  }
}

export function buildBuses(scope: Construct, ctx: SystemContext): BusResources {
  const resources = new BusResources();
  const group = new Construct(scope, 'Buses');
  for (const bus of ctx.model.buses) {
    const busScope = new Construct(group, busConstructId(bus));
    const created = bus.kind === 'custom' ? buildCustomBus(busScope, bus, ctx) : undefined;
    if (created) resources.add(bus.name, created);
    const dependOnBus = (resource: CfnArchive | CfnDiscoverer): void => {
      if (created) resource.node.addDependency(created);
    };
    if (bus.archive) {
      const sources = [...new Set(ctx.model.eventTypes.filter((e) => e.bus === bus.name).map((e) => e.source))].sort();
      dependOnBus(
        new CfnArchive(busScope, 'Archive', {
          archiveName: bus.archive.name,
          sourceArn: ctx.names.busArn(bus.name).token,
          description: `Events of bus ${bus.name} (${bus.archive.retentionDays === 0 ? 'kept forever' : `kept ${bus.archive.retentionDays} days`})`,
          retentionDays: bus.archive.retentionDays,
          eventPattern: bus.kind === 'default' && sources.length > 0 ? { source: sources } : undefined,
        }),
      );
    }
    if (bus.schemaDiscovery) {
      dependOnBus(
        new CfnDiscoverer(busScope, 'Discoverer', {
          sourceArn: ctx.names.busArn(bus.name).token,
          crossAccount: bus.allowAccounts.length > 0,
          description: `Schema discovery on bus ${bus.name}`,
        }),
      );
    }
  }
  return resources;
}

function buildCustomBus(scope: Construct, bus: Bus, ctx: SystemContext): CfnEventBus {
  const arn = ctx.names.busArn(bus.name).token;
  const policy =
    bus.allowAccounts.length === 0
      ? undefined
      : {
          Version: '2012-10-17',
          Statement: bus.allowAccounts.map((account) => ({
            Sid: `AllowPutEventsFrom${account}`,
            Effect: 'Allow',
            Principal: { AWS: Fn.sub(`arn:\${AWS::Partition}:iam::${account}:root`) },
            Action: 'events:PutEvents',
            Resource: arn,
          })),
        };
  return new CfnEventBus(scope, 'Bus', {
    name: bus.name,
    description: bus.description.slice(0, 512) || undefined,
    policy,
  });
}
