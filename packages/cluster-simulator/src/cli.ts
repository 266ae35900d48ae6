/**
 * `cluster-simulator --port 7777 --token TOKEN --name contour --objects FILE`
 * Starts a simulated cluster for the portal's start command and the demo.
 * FILE is JSON (an object, an array or a v1 List) or YAML (multi-document);
 * Flux objects without a status are given seeded statuses.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { createLocalTree } from '@flux-portal/kustomize';
import { renderClusterObjects } from './renderClusterObjects';
import type { RenderFailure } from './seed/types';
import { seedFluxStatuses } from './seed/seedFluxStatuses';
import { startClusterSimulator } from './server';
import { splitApiVersion } from '@flux-portal/plugin-flux-common';
import { findTypeByKind } from './resources';
import { ClusterObject } from './clusterObject';

const USAGE = `Usage: cluster-simulator [--port 7777] [--host 127.0.0.1] [--token TOKEN] [--name NAME]
                         [--objects FILE.json|FILE.yaml] [--monorepo DIR [--cluster NAME]]
                         [--seed N] [--no-seed-statuses] [--commit SHA] [--no-coverage]
                         [--serve GROUP=VERSION[,VERSION…]]… [--no-periodic-reconcile]`;

function asObjects(value: unknown, file: string): ClusterObject[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(v => asObjects(v, file));
  if (typeof value !== 'object')
    throw new Error(
      `${file}: expected Kubernetes objects, got ${typeof value}`,
    );
  const obj = value as ClusterObject;
  if (
    obj.kind === 'List' ||
    (typeof obj.kind === 'string' &&
      obj.kind.endsWith('List') &&
      Array.isArray(obj.items))
  ) {
    return asObjects(obj.items, file);
  }
  return [obj];
}

/** `--serve helm.toolkit.fluxcd.io=v2beta2,v2beta1` (newest first; `GROUP=` stops serving it). */
function parseServe(entries: string[]): Record<string, string[]> {
  const served: Record<string, string[]> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0)
      throw new Error(
        `invalid --serve ${entry}: expected GROUP=VERSION[,VERSION…]\n${USAGE}`,
      );
    served[entry.slice(0, eq)] = entry
      .slice(eq + 1)
      .split(',')
      .map(v => v.trim())
      .filter(v => v !== '');
  }
  return served;
}

function isServed(obj: ClusterObject): boolean {
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string')
    return false;
  return (
    findTypeByKind(splitApiVersion(obj.apiVersion).group, obj.kind) !==
    undefined
  );
}

/** Reads objects from a JSON or YAML file, naming the file and line of a bad document. */
export async function readObjectsFile(file: string): Promise<ClusterObject[]> {
  const text = await readFile(file, 'utf8');
  if (/\.json$/i.test(file)) {
    try {
      return asObjects(JSON.parse(text), file);
    } catch (e: any) {
      throw new Error(`${file}: invalid JSON: ${e.message}`);
    }
  }
  const objects: ClusterObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      throw new Error(
        `${file}:${error.linePos?.[0]?.line ?? '?'}: ${
          error.message.split('\n')[0]
        }`,
      );
    }
    objects.push(...asObjects(doc.toJSON(), file));
  }
  return objects;
}

/**
 * What Flux would apply to a cluster of a monorepo, rendered in-process by
 * the Flux Portal engine (the same rendering the catalog uses).
 */
async function readMonorepoCluster(
  dir: string,
  cluster: string,
  log: (line: string) => void,
): Promise<{ objects: ClusterObject[]; renderFailures: RenderFailure[] }> {
  const { objects, problems, renderFailures } = await renderClusterObjects(
    createLocalTree(dir),
    `clusters/${cluster}`,
  );
  const errors = problems.filter(p => p.severity === 'error');
  for (const p of errors.slice(0, 10)) {
    log(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  if (objects.length === 0) {
    throw new Error(
      `${dir}: nothing rendered for clusters/${cluster} (${errors.length} errors)`,
    );
  }
  return { objects: objects as ClusterObject[], renderFailures };
}

/** The commit a monorepo folder's Git checkout is at, so its GitRepository fetched what the catalog reads. */
function gitHead(dir: string): string | undefined {
  try {
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return /^[0-9a-f]{40}$/.test(head) ? head : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the CLI; resolves with the running simulator's stop function. @public */
export async function runClusterSimulatorCli(
  argv: string[],
  log: (line: string) => void = line => process.stdout.write(`${line}\n`),
): Promise<() => Promise<void>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '7777' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      name: { type: 'string', default: 'simulated' },
      objects: { type: 'string' },
      monorepo: { type: 'string' },
      cluster: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-seed-statuses': { type: 'boolean', default: false },
      'no-periodic-reconcile': { type: 'boolean', default: false },
      commit: { type: 'string' },
      'no-coverage': { type: 'boolean', default: false },
      serve: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    log(USAGE);
    return async () => undefined;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --port ${values.port}\n${USAGE}`);
  const monorepo = values.monorepo
    ? await readMonorepoCluster(
        values.monorepo,
        values.cluster ?? values.name,
        log,
      )
    : undefined;
  const read = [
    ...(values.objects ? await readObjectsFile(values.objects) : []),
    ...(monorepo?.objects ?? []),
  ];
  // Rendered manifests hold kinds the simulator does not serve (Services,
  // Certificates, …): keep what it serves and say what was left out.
  let objects = read.filter(o => isServed(o));
  const skipped = [
    ...new Set(read.filter(o => !isServed(o)).map(o => String(o.kind))),
  ].sort();
  if (skipped.length > 0) {
    log(
      `skipped ${
        read.length - objects.length
      } objects of kinds not served: ${skipped.join(', ')}`,
    );
  }
  let summary = '';
  if (!values['no-seed-statuses']) {
    const withStatus = objects.filter(o => o.status !== undefined);
    const seeded = seedFluxStatuses(
      objects.filter(o => o.status === undefined),
      {
        seed: values.seed,
        renderFailures: monorepo?.renderFailures,
        commit:
          values.commit ??
          (values.monorepo ? gitHead(values.monorepo) : undefined),
        coverage: !!values.monorepo && !values['no-coverage'],
      },
    );
    objects = [...withStatus, ...seeded.objects];
    const counts: Record<string, number> = {};
    seeded.states.forEach(s => (counts[s.state] = (counts[s.state] ?? 0) + 1));
    summary = Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
  }
  const servedVersions = parseServe(values.serve ?? []);
  const sim = await startClusterSimulator({
    servedVersions,
    periodicReconcile: !values['no-periodic-reconcile'],
    name: values.name,
    host: values.host,
    port,
    token: values.token,
    objects,
  });
  log(
    `cluster-simulator "${sim.name}" listening on ${sim.url} (${
      objects.length
    } objects${summary ? `; ${summary}` : ''})`,
  );
  if (!values.token) log(`token: ${sim.token}`);
  return () => sim.stop();
}
