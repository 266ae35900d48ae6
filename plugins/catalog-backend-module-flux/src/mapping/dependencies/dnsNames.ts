/**
 * In-cluster DNS names in a unit's configuration (env values, ConfigMap
 * data, Helm values) that resolve to another unit's Service or namespace.
 */
import { configValuesOf } from '../configValues';
import type { UnitRule } from './types';

export const dnsNames: UnitRule = (unit, lookups, add) => {
  for (const v of configValuesOf(unit)) {
    for (const { host, inUrl } of hostsIn(v.value)) {
      if (!inUrl && !host.includes('.')) continue;
      add(
        unit,
        lookups.services.resolve(host, v.namespace),
        'dns',
        `${v.key}: ${host}`,
      );
    }
  }
};

const URL_HOST =
  /\b[a-z][a-z0-9+.-]*:\/\/(?:[^@\s/]+@)?([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)(?::\d+)?/gi;
const BARE_HOST =
  /(?:^|[\s,;=("'@])([a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)+)(?::\d+)?(?=$|[\s,;/)"'?:])/gi;

/**
 * Host names in a configuration value: URL hosts (any scheme, user info and
 * port stripped) and bare dotted names (`redis-master.redis.svc:6379`).
 * Single-label hosts only count inside URLs.
 */
function hostsIn(value: string): Array<{ host: string; inUrl: boolean }> {
  const out: Array<{ host: string; inUrl: boolean }> = [];
  const seen = new Set<string>();
  for (const m of value.matchAll(URL_HOST)) {
    if (!seen.has(m[1])) {
      seen.add(m[1]);
      out.push({ host: m[1], inUrl: true });
    }
  }
  for (const m of value.matchAll(BARE_HOST)) {
    if (!seen.has(m[1])) {
      seen.add(m[1]);
      out.push({ host: m[1], inUrl: false });
    }
  }
  return out;
}
