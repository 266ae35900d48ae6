/** The provider config, `catalog.providers.fluxMonorepo.<id>` (see config.d.ts). */
import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readOrInputError } from '@flux-portal/plugin-flux-common';
import {
  readMappingRules,
  readOwnerRef,
  readSchedule,
  readShare,
  readUrl,
} from './configFields';
import type { MappingRules } from './mapping/rules/mappingRules';

/** @public */
export interface FluxMonorepoProviderConfig {
  id: string;
  target: string;
  repositoryUrl?: string;
  path?: string;
  clusters?: string[];
  defaultOwner?: string;
  maxRemovalShare: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** the mapping rules (`mapping`), defaults filled in; absent means the defaults */
  mapping?: MappingRules;
}

const PROVIDERS_KEY = 'catalog.providers.fluxMonorepo';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

/** Reads every provider; a bad value throws an InputError naming its key. */
export function readProviderConfigs(
  config: Config,
): FluxMonorepoProviderConfig[] {
  const providers = readOrInputError(() =>
    config.getOptionalConfig(PROVIDERS_KEY),
  );
  if (!providers) return [];
  return providers.keys().map(id =>
    readProviderConfig(
      id,
      readOrInputError(() => providers.getConfig(id)),
    ),
  );
}

function readProviderConfig(id: string, c: Config): FluxMonorepoProviderConfig {
  const key = (name: string) => `${PROVIDERS_KEY}.${id}.${name}`;
  const target = readOrInputError(() => c.getString('target'));
  if (!target.trim())
    throw new InputError(`${key('target')} must not be empty`);
  return {
    id,
    target,
    repositoryUrl: readUrl(c, 'repositoryUrl', key('repositoryUrl')),
    path: readOrInputError(() => c.getOptionalString('path')),
    clusters: readOrInputError(() => c.getOptionalStringArray('clusters')),
    defaultOwner: readOwnerRef(c, 'defaultOwner', key('defaultOwner')),
    maxRemovalShare: readShare(
      c,
      'maxRemovalShare',
      key('maxRemovalShare'),
      0.5,
    ),
    schedule: readSchedule(c, 'schedule', key('schedule'), DEFAULT_SCHEDULE),
    mapping: readMappingRules(c, 'mapping', key('mapping')),
  };
}
