/**
 * A loopback HTTP server that implements the part of the Kubernetes API a
 * Flux status backend uses, with seeded Flux statuses, simulated controllers
 * and fault injection. The test double and demo cluster of Flux Portal.
 *
 * @packageDocumentation
 */
export { startClusterSimulator } from './server';
export type {
  ClusterSimulator,
  ClusterSimulatorOptions,
  SimulatorState,
} from './clusterSimulatorApi';
export type { FaultControls, FaultState } from './faults';
export type { ReconcileDelays } from './controllers';
export { seedFluxStatuses } from './seed/seedFluxStatuses';
export type {
  SeedOptions,
  SeedResult,
  SeededObjectState,
  SeededState,
} from './seed/seedFluxStatuses';
export { RESOURCE_TYPES, DEFAULT_SERVED_VERSIONS } from './resources';
export type { ResourceType, ServedVersions } from './resources';
export type { ClusterObject } from './clusterObject';
export type {
  KubeObject,
  KubeCondition,
} from '@flux-portal/plugin-flux-common';
export type { KubeStatus } from './apiStatus';
export { runClusterSimulatorCli, readObjectsFile } from './cli';
export { renderClusterObjects } from './renderClusterObjects';
export type { ClusterObjects } from './renderClusterObjects';
