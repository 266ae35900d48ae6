import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where kubectl was found, or why it was not. @public */
export interface KubectlLookup {
  /** Absolute path of a working kubectl binary; undefined when none. */
  path?: string;
  /** `kubectl version --client` output, or why no kubectl is usable. */
  detail: string;
}

function works(candidate: string): string | undefined {
  const result = spawnSync(candidate, ['version', '--client'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Finds a kubectl with a built-in kustomize: `$KUBECTL` when set (for
 * example a binary unpacked from an npm package), else the first `kubectl`
 * on `$PATH`, else `/usr/bin/kubectl`. Tests that need it should skip with
 * `detail` as the printed reason when `path` is undefined.
 */
export function findKubectl(): KubectlLookup {
  const candidates = [
    ...(process.env.KUBECTL ? [process.env.KUBECTL] : []),
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map(dir => path.join(dir, 'kubectl')),
    '/usr/bin/kubectl',
  ];
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const version = works(candidate);
    if (version) return { path: candidate, detail: version };
  }
  return {
    detail:
      'no working kubectl: set KUBECTL to a kubectl binary (v1.14+ ships kustomize) or put one on PATH',
  };
}
