/**
 * `--config app-config.yaml [--provider ID]`: the mapping options of one
 * `catalog.providers.fluxMonorepo.<id>` provider, so `flux-portal entities`
 * prints what that provider ingests. The mapping rules are read by the
 * catalog module's own `parseMappingRules`, as the provider reads them.
 * Several `--config` files merge as Backstage merges them (later wins, maps
 * merged key by key); `${ENV}` substitutions and `$include` are not expanded.
 */
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { parse } from 'yaml';
import {
  MappingRules,
  MappingRulesError,
  parseMappingRules,
} from '@flux-portal/plugin-catalog-backend-module-flux';
import { UsageError } from './openRepository';

export interface ProviderMapping {
  id: string;
  rules: MappingRules;
  clusters?: string[];
  defaultOwner?: string;
  path?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(a: unknown, b: unknown): unknown {
  if (!isObject(a) || !isObject(b)) return b === undefined ? a : b;
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
  return out;
}

function readConfigFile(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

const KEY = 'catalog.providers.fluxMonorepo';

export function readProviderMapping(
  cwd: string,
  files: string[],
  provider: string | undefined,
): ProviderMapping {
  const config = files
    .map(f => readConfigFile(nodePath.resolve(cwd, f)))
    .reduce(merge, {});
  const providers = ['catalog', 'providers', 'fluxMonorepo'].reduce<unknown>(
    (v, k) => (isObject(v) ? v[k] : undefined),
    config,
  );
  const ids = isObject(providers) ? Object.keys(providers) : [];
  if (!ids.length) throw new UsageError(`${files.join(', ')} has no ${KEY}`);
  const id = provider ?? (ids.length === 1 ? ids[0] : undefined);
  if (!id)
    throw new UsageError(
      `${KEY} has several providers (${ids.join(
        ', ',
      )}): choose one with --provider`,
    );
  const raw = (providers as Json)[id];
  if (!isObject(raw))
    throw new UsageError(
      `${KEY} has no provider ${id} (it has ${ids.join(', ')})`,
    );
  try {
    return {
      id,
      rules: parseMappingRules(raw.mapping, `${KEY}.${id}.mapping`),
      clusters: Array.isArray(raw.clusters)
        ? raw.clusters.map(String)
        : undefined,
      defaultOwner:
        typeof raw.defaultOwner === 'string' ? raw.defaultOwner : undefined,
      path: typeof raw.path === 'string' ? raw.path : undefined,
    };
  } catch (e) {
    if (e instanceof MappingRulesError) throw new UsageError(e.message);
    throw e;
  }
}
