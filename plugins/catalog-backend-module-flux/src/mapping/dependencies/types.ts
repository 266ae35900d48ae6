import type { KubeObject } from '@flux-portal/kustomize';
import type { DependencyReason } from '../types';
import type { Unit } from '../units/types';
import type { UnitLookups } from './unitLookups';

export interface UnitDependency {
  from: Unit;
  /** a unit, or an entity ref from the depends-on annotation */
  to: Unit | string;
  reason: DependencyReason;
  evidence: string;
}

/** Records a dependency; `to` undefined (nothing found) and self-dependencies are ignored. */
export type AddDependency = (
  from: Unit,
  to: Unit | string | undefined,
  reason: DependencyReason,
  evidence: string,
) => void;

/** Infers dependencies from a unit as a whole (its configuration, its HelmReleases…). */
export type UnitRule = (
  unit: Unit,
  lookups: UnitLookups,
  add: AddDependency,
) => void;

/** Infers dependencies from one object of a unit. */
export type ObjectRule = (
  unit: Unit,
  object: KubeObject,
  lookups: UnitLookups,
  add: AddDependency,
) => void;
