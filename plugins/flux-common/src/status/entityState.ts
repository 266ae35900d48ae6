/**
 * An entity's state in one cluster, from its own objects first.
 *
 * In a monorepo one Flux Kustomization often deploys many entities (the
 * seed's `apps` deploys 34 services). Rolling that shared object's state
 * into every entity hides the real fault: when it fails, every entity looks
 * failed although most of their own objects are fine. So:
 *
 * | rule              | when                                                                                   | entity state                             |
 * | ----------------- | -------------------------------------------------------------------------------------- | ---------------------------------------- |
 * | `own-objects`     | the entity has appliers of its own (a HelmRelease, a Kustomization only it uses)       | worst of those (and of its workloads)    |
 * | `shared-blocks`   | its deployer is shared, is not Ready, and never applied the entity's objects           | the shared deployer's state              |
 * | `workloads`       | no own appliers; its workloads' readiness is known                                     | Ready when all ready, else Progressing   |
 * | `shared-deployer` | nothing of its own to judge by                                                         | the shared deployer's state              |
 * | `nothing`         | no deployer and no objects                                                             | Unknown                                  |
 *
 * A shared deployer that is not Ready is reported as `context` under every
 * rule but `shared-blocks`: it is the reason shown beside the entity's own
 * state ("deployed by flux-system/apps, shared by 34 entities: Failed").
 * A deployer used by this entity alone is one of its own appliers.
 */
import { rollUpStates } from './rollUp';
import type { FluxState } from './types';

/** The Kustomization that deploys the entity together with others. @public */
export interface SharedDeployer {
  /** `namespace/name` */
  key: string;
  /** its state, its source's included */
  state: FluxState;
  /** how many entities it deploys, this one included (more than one) */
  sharedBy: number;
  /** whether the entity's objects are in its inventory: applied at least once */
  appliedEntity: boolean;
}

/** What an entity's state is judged from in one cluster. @public */
export interface EntityStateInput {
  /** states of the entity's own appliers and their sources */
  own: FluxState[];
  /** readiness of the entity's workloads (undefined: not known) */
  workloads: Array<boolean | undefined>;
  shared?: SharedDeployer;
}

/** @public */
export type EntityStateRule =
  | 'own-objects'
  | 'shared-blocks'
  | 'workloads'
  | 'shared-deployer'
  | 'nothing';

/** @public */
export interface EntityStateDecision {
  state: FluxState;
  rule: EntityStateRule;
  /** the shared deployer's state, when it is not Ready and not already the entity's state */
  context?: string;
}

const QUIET: readonly FluxState[] = ['Ready', 'Progressing', 'Suspended'];

function workloadsState(workloads: Array<boolean | undefined>) {
  const known = workloads.filter((w): w is boolean => w !== undefined);
  if (known.length === 0) return undefined;
  return known.every(Boolean) ? 'Ready' : 'Progressing';
}

/** The sentence shown beside the entity's state about its shared deployer. @public */
export function sharedDeployerContext(shared: SharedDeployer): string {
  return `deployed by ${shared.key}, shared by ${shared.sharedBy} entities: ${shared.state}`;
}

/** Applies the table above. @public */
export function entityStateOf(input: EntityStateInput): EntityStateDecision {
  const { own, shared } = input;
  const workloads = workloadsState(input.workloads);
  const context =
    shared && shared.state !== 'Ready'
      ? { context: sharedDeployerContext(shared) }
      : {};
  if (shared && !QUIET.includes(shared.state) && !shared.appliedEntity) {
    return { state: shared.state, rule: 'shared-blocks' };
  }
  if (own.length > 0) {
    return {
      state: rollUpStates(workloads ? [...own, workloads] : own),
      rule: 'own-objects',
      ...context,
    };
  }
  if (workloads) return { state: workloads, rule: 'workloads', ...context };
  if (shared) return { state: shared.state, rule: 'shared-deployer' };
  return { state: 'Unknown', rule: 'nothing' };
}
