import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { findKubectl } from './kubectl';

/** A Kubernetes object as rendered by kustomize. @public */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/**
 * Renders a kustomization directory with the real `kubectl kustomize` and
 * returns the objects. Throws with kubectl's message and the directory when
 * the build fails, or when no kubectl is available.
 */
export function kustomizeBuild(dir: string, kubectl?: string): KubeObject[] {
  const binary = kubectl ?? findKubectl().path;
  if (!binary) {
    throw new Error(`kustomizeBuild(${dir}): ${findKubectl().detail}`);
  }
  const result = spawnSync(binary, ['kustomize', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `kubectl kustomize ${dir} failed: ${(
        result.stderr ||
        result.error?.message ||
        ''
      ).trim()}`,
    );
  }
  const objects: KubeObject[] = [];
  for (const doc of parseAllDocuments(result.stdout)) {
    if (doc.errors.length) {
      throw new Error(
        `kubectl kustomize ${dir}: unparsable output: ${doc.errors[0].message}`,
      );
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined)
      objects.push(value as KubeObject);
  }
  return objects;
}
