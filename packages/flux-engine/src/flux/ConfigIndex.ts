/**
 * ConfigMaps and Secrets seen in rendered output, by namespace/name, for
 * postBuild.substituteFrom and HelmRelease valuesFrom. Secrets are indexed by
 * key only: their values never enter the engine's memory past parsing.
 */
import type { KubeObject } from '@flux-portal/kustomize';
import type { VariableSources } from './postBuild';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @public */
export class ConfigIndex implements VariableSources {
  private readonly configMaps = new Map<string, Record<string, string>>();
  private readonly secrets = new Map<string, string[]>();

  /** Records a ConfigMap or Secret; other objects are ignored. */
  add(obj: KubeObject): void {
    if (obj.apiVersion !== 'v1' || typeof obj.metadata?.name !== 'string') {
      return;
    }
    const key = `${obj.metadata.namespace || 'default'}/${obj.metadata.name}`;
    if (obj.kind === 'ConfigMap') {
      const data: Record<string, string> = {};
      if (isRecord(obj.data)) {
        for (const [k, v] of Object.entries(obj.data)) {
          if (v !== null && v !== undefined) data[k] = String(v);
        }
      }
      this.configMaps.set(key, data);
    } else if (obj.kind === 'Secret') {
      const keys = new Set<string>();
      for (const field of ['data', 'stringData']) {
        const values = obj[field];
        if (isRecord(values)) Object.keys(values).forEach(k => keys.add(k));
      }
      this.secrets.set(key, [...keys].sort());
    }
  }

  configMap(
    namespace: string,
    name: string,
  ): Record<string, string> | undefined {
    return this.configMaps.get(`${namespace}/${name}`);
  }

  secretKeys(namespace: string, name: string): string[] | undefined {
    return this.secrets.get(`${namespace}/${name}`);
  }

  has(kind: string, namespace: string, name: string): boolean {
    return kind === 'Secret'
      ? this.secrets.has(`${namespace}/${name}`)
      : this.configMaps.has(`${namespace}/${name}`);
  }
}
