/**
 * Typed reads of single provider config values that fail with an InputError
 * naming the key, so a backend with bad config stops at start-up saying what
 * to fix.
 */
import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readOrInputError } from '@flux-portal/plugin-flux-common';
import {
  MappingRules,
  MappingRulesError,
  parseMappingRules,
} from './mapping/rules/mappingRules';

/** A share (0..1) at `name` of `config`, `fallback` when absent. */
export function readShare(
  config: Config,
  name: string,
  key: string,
  fallback: number,
): number {
  const share =
    readOrInputError(() => config.getOptionalNumber(name)) ?? fallback;
  if (!(share >= 0 && share <= 1))
    throw new InputError(`${key} must be between 0 and 1, got ${share}`);
  return share;
}

/** An absolute URL at `name`, when present. */
export function readUrl(
  config: Config,
  name: string,
  key: string,
): string | undefined {
  const url = readOrInputError(() => config.getOptionalString(name));
  if (url !== undefined && !URL.canParse(url))
    throw new InputError(`${key} must be an absolute URL, got '${url}'`);
  return url;
}

const validator = makeValidator();

/** An entity ref (a bare name is a group) at `name`, when present. */
export function readOwnerRef(
  config: Config,
  name: string,
  key: string,
): string | undefined {
  const owner = readOrInputError(() => config.getOptionalString(name));
  if (owner === undefined) return undefined;
  let ref;
  try {
    ref = parseEntityRef(owner, { defaultKind: 'group' });
  } catch {
    // reported below, with the key
  }
  if (
    !ref ||
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  )
    throw new InputError(
      `${key} must be an entity ref such as group:default/platform-team, got '${owner}'`,
    );
  return owner;
}

/** A scheduler task definition at `name`, `fallback` when absent. */
export function readSchedule(
  config: Config,
  name: string,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(name)) return fallback;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      config.getConfig(name),
    );
  } catch (error) {
    throw new InputError(`Invalid ${key}: ${(error as Error).message}`);
  }
}

/** The mapping rules at `name` (config.d.ts `mapping`), defaults when absent. */
export function readMappingRules(
  config: Config,
  name: string,
  key: string,
): MappingRules {
  const value = readOrInputError(() => config.getOptional(name));
  try {
    return parseMappingRules(value, key);
  } catch (error) {
    if (error instanceof MappingRulesError) throw new InputError(error.message);
    throw error;
  }
}
