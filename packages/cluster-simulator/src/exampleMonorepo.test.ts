/*
 * The demo's cluster: the example monorepo's contour cluster, rendered by the
 * real `kubectl kustomize`, seeded and served. Every object the simulator
 * serves must be schema-valid, and the states must hang together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  EXAMPLE_MONOREPO_DIR,
  kustomizeBuild,
  validateKubeObject,
} from '@flux-portal/test-utils';
import {
  seedFluxStatuses,
  startClusterSimulator,
  RESOURCE_TYPES,
  KubeObject,
} from './index';
import { client } from './__testUtils__';

function served(obj: KubeObject): boolean {
  const group = obj.apiVersion?.includes('/')
    ? obj.apiVersion.split('/')[0]
    : '';
  return RESOURCE_TYPES.some(t => t.group === group && t.kind === obj.kind);
}

function contourObjects(): KubeObject[] {
  const rendered = [
    ...kustomizeBuild(join(EXAMPLE_MONOREPO_DIR, 'infrastructure')),
    ...kustomizeBuild(join(EXAMPLE_MONOREPO_DIR, 'apps')),
  ] as KubeObject[];
  const clusterDir = join(EXAMPLE_MONOREPO_DIR, 'clusters/contour');
  const entryPoints = [
    'infrastructure.yaml',
    'apps.yaml',
    'helm-repositories.yaml',
    'flux-system/gotk-sync.yaml',
  ].flatMap(f =>
    parseAllDocuments(readFileSync(join(clusterDir, f), 'utf8')).map(
      d => d.toJSON() as KubeObject,
    ),
  );
  return [...rendered, ...entryPoints].filter(o => o && served(o));
}

describe('the example monorepo as a simulated cluster', () => {
  const objects = contourObjects();
  const seeded = seedFluxStatuses(objects, {
    seed: 1,
    now: new Date('2026-11-20T12:00:00Z'),
  });

  it('seeds schema-valid objects for every served kind', () => {
    expect(
      objects.filter(o => o.kind === 'HelmRelease').length,
    ).toBeGreaterThan(10);
    expect(seeded.objects.flatMap(o => validateKubeObject(o))).toEqual([]);
  });

  it('never leaves a Ready object depending on one that is not Ready', () => {
    const byKey = new Map(
      seeded.states.map(s => [`${s.kind}/${s.namespace}/${s.name}`, s]),
    );
    const appliers = seeded.objects.filter(
      o => o.kind === 'Kustomization' || o.kind === 'HelmRelease',
    );
    const violations: string[] = [];
    let readyWithDependencies = 0;
    for (const obj of appliers) {
      const state = byKey.get(
        `${obj.kind}/${obj.metadata!.namespace}/${obj.metadata!.name}`,
      )!;
      const deps = (obj.spec?.dependsOn ?? []) as Array<{
        name: string;
        namespace?: string;
      }>;
      if (state.state !== 'Ready' || deps.length === 0) continue;
      readyWithDependencies++;
      for (const dep of deps) {
        const depState = byKey.get(
          `${obj.kind}/${dep.namespace ?? obj.metadata!.namespace}/${dep.name}`,
        );
        if (depState && !['Ready', 'Suspended'].includes(depState.state)) {
          violations.push(
            `${obj.metadata!.name} is Ready but ${dep.name} is ${
              depState.state
            }`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
    expect(readyWithDependencies).toBeGreaterThan(0);
    expect(
      seeded.states.filter(s => s.state === 'Failed').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('serves the seeded cluster', async () => {
    const sim = await startClusterSimulator({
      name: 'contour',
      objects: seeded.objects,
    });
    try {
      const list = await client(sim).get(
        '/apis/helm.toolkit.fluxcd.io/v2/helmreleases',
      );
      expect(list.body.items.length).toBe(
        objects.filter(o => o.kind === 'HelmRelease').length,
      );
    } finally {
      await sim.stop();
    }
  });
});
