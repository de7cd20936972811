// What every builder of the system gets: the model, the stack plan, the physical names, the alarms
// and the resolved options.
import type { RouteModel } from '../model/types';
import type { Alarms } from './monitoring/alarms';
import type { SystemNames } from './naming/system-names';
import type { SystemOptions } from './options';
import type { SystemPlan } from './plan/stacks';

export interface SystemContext {
  model: RouteModel;
  plan: SystemPlan;
  names: SystemNames;
  alarms: Alarms;
  options: SystemOptions;
}
