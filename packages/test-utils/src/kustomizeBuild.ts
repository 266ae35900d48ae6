import { execFile, spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseAllDocuments } from 'yaml';
import type {
  KubeObject,
  KubeObjectMeta,
} from '@flux-portal/plugin-flux-common';
import { findKubectl } from './kubectl';

/**
 * An object as `kubectl kustomize` prints it: kustomize refuses objects
 * without apiVersion, kind or name, so those are always set.
 * @public
 */
export type BuiltObject = KubeObject & {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta & { name: string };
};

/**
 * Renders a kustomization directory with the real `kubectl kustomize` and
 * returns the objects. Throws with kubectl's message and the directory when
 * the build fails, or when no kubectl is available.
 */
export function kustomizeBuild(dir: string, kubectl?: string): BuiltObject[] {
  const binary = resolveKubectl(dir, kubectl);
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
  return parseOutput(dir, result.stdout);
}

function parseOutput(dir: string, stdout: string): BuiltObject[] {
  const objects: BuiltObject[] = [];
  for (const doc of parseAllDocuments(stdout)) {
    if (doc.errors.length) {
      throw new Error(
        `kubectl kustomize ${dir}: unparsable output: ${doc.errors[0].message}`,
      );
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined)
      objects.push(value as BuiltObject);
  }
  return objects;
}

function resolveKubectl(dir: string, kubectl?: string): string {
  const binary = kubectl ?? findKubectl().path;
  if (!binary) {
    throw new Error(`kustomizeBuild(${dir}): ${findKubectl().detail}`);
  }
  return binary;
}

/** {@link kustomizeBuild} without blocking the event loop. @public */
export function kustomizeBuildAsync(
  dir: string,
  kubectl?: string,
): Promise<BuiltObject[]> {
  const binary = resolveKubectl(dir, kubectl);
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      ['kustomize', dir],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `kubectl kustomize ${dir} failed: ${(
                stderr || error.message
              ).trim()}`,
            ),
          );
          return;
        }
        try {
          resolve(parseOutput(dir, stdout));
        } catch (e) {
          reject(e);
        }
      },
    );
  });
}

/**
 * Renders many directories with a few kubectl processes at a time (one
 * more than the CPU count: each run is a short-lived process). Each entry
 * is the objects or the Error of that directory; one failure never stops
 * the others.
 */
export async function kustomizeBuildMany(
  dirs: string[],
  options: { kubectl?: string; concurrency?: number } = {},
): Promise<Map<string, BuiltObject[] | Error>> {
  const results = new Map<string, BuiltObject[] | Error>();
  const queue = [...dirs];
  const concurrency = options.concurrency ?? os.cpus().length + 1;
  const worker = async () => {
    for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
      try {
        results.set(dir, await kustomizeBuildAsync(dir, options.kubectl));
      } catch (e) {
        results.set(dir, e as Error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return new Map(dirs.map(d => [d, results.get(d)!]));
}
