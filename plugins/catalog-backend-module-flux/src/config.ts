import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export interface FluxMonorepoProviderConfig {
  id: string;
  target: string;
  repositoryUrl?: string;
  path?: string;
  clusters?: string[];
  defaultOwner?: string;
  maxRemovalShare: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

/** Reads `catalog.providers.fluxMonorepo.<id>`; throws a clear error for bad values. */
export function readProviderConfigs(
  config: Config,
): FluxMonorepoProviderConfig[] {
  const providers = config.getOptionalConfig('catalog.providers.fluxMonorepo');
  if (!providers) return [];
  return providers.keys().map(id => {
    const c = providers.getConfig(id);
    const maxRemovalShare = c.getOptionalNumber('maxRemovalShare') ?? 0.5;
    if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
      throw new InputError(
        `catalog.providers.fluxMonorepo.${id}.maxRemovalShare must be between 0 and 1, got ${maxRemovalShare}`,
      );
    }
    return {
      id,
      target: c.getString('target'),
      repositoryUrl: c.getOptionalString('repositoryUrl'),
      path: c.getOptionalString('path'),
      clusters: c.getOptionalStringArray('clusters'),
      defaultOwner: c.getOptionalString('defaultOwner'),
      maxRemovalShare,
      schedule: c.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            c.getConfig('schedule'),
          )
        : DEFAULT_SCHEDULE,
    };
  });
}
