/**
 * Every `flux.*` key the status backend reads, with all defaults, in one
 * place (the schema is config.d.ts; `flux.adminGroups` belongs to the
 * permission policy module, @flux-portal/plugin-permission-backend-module-flux). The rest of the backend takes the typed
 * result instead of reading config, so a bad value fails at start-up with an
 * InputError naming its key instead of somewhere at run time.
 */
import { Config } from '@backstage/config';
import {
  FluxClusterDisplay,
  readOrInputError,
} from '@flux-portal/plugin-flux-common';
import { readNumber } from './configValues';
import { readClusterDisplays } from './readClusterDisplays';

/** The status backend's `flux.*` config, defaults applied. @public */
export interface FluxConfig {
  /** Extra clusters from a kubeconfig file: every context, or the listed ones. */
  kubeconfig?: { path: string; contexts?: string[] };
  /** The pod's service account as one cluster with this name. */
  inCluster?: { name: string };
  /** How clusters are shown (title, labels), by cluster name. */
  clusterDisplays: ReadonlyMap<string, FluxClusterDisplay>;
  /** Time a cluster has to answer discovery and initial lists before it is reported. */
  requestTimeoutMs: number;
  /** Longest wait between reconnect attempts to a failing cluster. */
  maxBackoffMs: number;
  /** A Ready object not reconciled within this many intervals is Stale (0: never). */
  staleAfterIntervals: number;
  /** Events returned per Flux object. */
  eventsPerObject: number;
}

/** The values used for keys that are not set. @public */
export const FLUX_CONFIG_DEFAULTS = {
  requestTimeoutMs: 5000,
  maxBackoffMs: 30000,
  staleAfterIntervals: 3,
  eventsPerObject: 20,
} as const;

function readKubeconfig(config: Config): FluxConfig['kubeconfig'] {
  return readOrInputError(() => {
    const kubeconfig = config.getOptionalConfig('flux.kubeconfig');
    if (!kubeconfig) return undefined;
    return {
      path: kubeconfig.getString('path'),
      contexts: kubeconfig.getOptionalStringArray('contexts'),
    };
  });
}

function readInCluster(config: Config): FluxConfig['inCluster'] {
  return readOrInputError(() => {
    const inCluster = config.getOptionalConfig('flux.inCluster');
    return inCluster ? { name: inCluster.getString('name') } : undefined;
  });
}

/**
 * Reads and checks the `flux.*` keys of the status backend.
 * @public
 */
export function readFluxConfig(config: Config): FluxConfig {
  const defaults = FLUX_CONFIG_DEFAULTS;
  return {
    kubeconfig: readKubeconfig(config),
    inCluster: readInCluster(config),
    clusterDisplays: readClusterDisplays(config),
    requestTimeoutMs: readNumber(
      config,
      'flux.requestTimeoutMs',
      defaults.requestTimeoutMs,
      { min: 1, integer: true },
    ),
    maxBackoffMs: readNumber(
      config,
      'flux.maxBackoffMs',
      defaults.maxBackoffMs,
      { min: 1, integer: true },
    ),
    staleAfterIntervals: readNumber(
      config,
      'flux.staleAfterIntervals',
      defaults.staleAfterIntervals,
      { min: 0 },
    ),
    eventsPerObject: readNumber(
      config,
      'flux.eventsPerObject',
      defaults.eventsPerObject,
      { min: 0, integer: true },
    ),
  };
}
