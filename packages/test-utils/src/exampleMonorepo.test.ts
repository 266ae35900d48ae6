import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE_MONOREPO_DIR, findKustomizationDirs } from './exampleRepo';
import { findKubectl } from './kubectl';
import {
  BuiltObject,
  kustomizeBuild,
  kustomizeBuildMany,
} from './kustomizeBuild';
import { validateKubeObject } from './validateKubeObject';

const ROOT = EXAMPLE_MONOREPO_DIR;
const kubectl = findKubectl();
const describeWithKubectl = kubectl.path ? describe : describe.skip;
if (!kubectl.path) {
  // eslint-disable-next-line no-console
  console.warn(
    `Skipping kubectl kustomize checks of the example: ${kubectl.detail}`,
  );
}

const GROUPS = [
  'gitops',
  'edge',
  'platform',
  'identity',
  'data',
  'messaging',
  'bpm',
  'business-services',
];

// Flux's kustomize-controller renders a path without kustomization.yaml by
// generating one over its YAML files and subfolders; do the same for the
// cluster entry point in a temporary copy and render that with kubectl.
function buildClusterDir(clusterDir: string): BuiltObject[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-cluster-'));
  try {
    fs.cpSync(clusterDir, tmp, { recursive: true });
    const resources = fs
      .readdirSync(tmp, { withFileTypes: true })
      .filter(
        e =>
          (e.isFile() && e.name.endsWith('.yaml')) ||
          (e.isDirectory() &&
            fs.existsSync(path.join(tmp, e.name, 'kustomization.yaml'))),
      )
      .map(e => e.name)
      .sort();
    fs.writeFileSync(
      path.join(tmp, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources
        .map(r => `- ${r}`)
        .join('\n')}\n`,
    );
    return kustomizeBuild(tmp, kubectl.path);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describeWithKubectl(
  'examples/flux-monorepo rendered with kubectl kustomize',
  () => {
    const dirs = findKustomizationDirs(ROOT);
    const builds = new Map<string, BuiltObject[]>();
    const failures: string[] = [];
    let cluster: BuiltObject[] = [];

    beforeAll(async () => {
      const results = await kustomizeBuildMany(
        dirs.map(dir => path.join(ROOT, dir)),
        { kubectl: kubectl.path },
      );
      for (const dir of dirs) {
        const result = results.get(path.join(ROOT, dir))!;
        if (result instanceof Error) failures.push(result.message);
        else builds.set(dir, result);
      }
      cluster = buildClusterDir(path.join(ROOT, 'clusters/contour'));
    }, 300_000);

    const top = (dir: string) => builds.get(dir) ?? [];

    it('renders every kustomization folder', () => {
      // 34 apps and 21 components, each with its base, plus the two lists
      // and flux-system.
      expect(dirs.length).toBe(34 * 2 + 21 * 2 + 2 + 1);
      expect(failures).toEqual([]);
      expect(top('apps').length).toBeGreaterThanOrEqual(34 * 3);
      expect(top('infrastructure').length).toBeGreaterThan(21);
    });

    it('validates every rendered object against its schema', () => {
      const errors: string[] = [];
      let checked = 0;
      for (const [dir, objects] of [
        ...builds,
        ['clusters/contour', cluster] as const,
      ]) {
        for (const obj of objects) {
          checked++;
          errors.push(...validateKubeObject(obj).map(e => `${dir}: ${e}`));
        }
      }
      expect(errors).toEqual([]);
      expect(checked).toBeGreaterThan(400);
    });

    it('has the cluster entry point of the seed with its API versions', () => {
      const byKind = (kind: string) => cluster.filter(o => o.kind === kind);
      const kustomizations = Object.fromEntries(
        byKind('Kustomization').map(k => [k.metadata.name, k as any]),
      );
      expect(Object.keys(kustomizations).sort()).toEqual([
        'apps',
        'flux-system',
        'infrastructure',
      ]);
      expect(kustomizations.infrastructure.spec.path).toBe('./infrastructure');
      expect(kustomizations.apps.spec.path).toBe('./apps');
      expect(kustomizations.apps.spec.dependsOn).toEqual([
        { name: 'infrastructure' },
      ]);
      expect(kustomizations['flux-system'].spec.path).toBe(
        './clusters/contour',
      );
      const versions = new Set(cluster.map(o => `${o.kind} ${o.apiVersion}`));
      expect([...versions].sort()).toEqual([
        'GitRepository source.toolkit.fluxcd.io/v1',
        'HelmRepository source.toolkit.fluxcd.io/v1',
        'Kustomization kustomize.toolkit.fluxcd.io/v1',
      ]);
      const helmReleases = top('infrastructure').filter(
        o => o.kind === 'HelmRelease',
      );
      expect(new Set(helmReleases.map(h => h.apiVersion))).toEqual(
        new Set(['helm.toolkit.fluxcd.io/v2']),
      );
    });

    it('resolves every HelmRelease chart repository and dependsOn', () => {
      const repos = new Set(
        cluster
          .filter(o => o.kind === 'HelmRepository')
          .map(r => `${r.metadata.namespace}/${r.metadata.name}`),
      );
      const releases = top('infrastructure').filter(
        o => o.kind === 'HelmRelease',
      ) as any[];
      const releaseIds = new Set(
        releases.map(r => `${r.metadata.namespace}/${r.metadata.name}`),
      );
      const problems: string[] = [];
      const usedRepos = new Set<string>();
      for (const r of releases) {
        const src = r.spec.chart.spec.sourceRef;
        const repo = `${src.namespace ?? r.metadata.namespace}/${src.name}`;
        usedRepos.add(repo);
        if (!repos.has(repo))
          problems.push(`${r.metadata.name}: no HelmRepository ${repo}`);
        if (!/^v?\d+\.\d+\.\d+$/.test(r.spec.chart.spec.version)) {
          problems.push(
            `${r.metadata.name}: chart version ${r.spec.chart.spec.version} is not pinned`,
          );
        }
        for (const d of r.spec.dependsOn ?? []) {
          const id = `${d.namespace ?? r.metadata.namespace}/${d.name}`;
          if (!releaseIds.has(id))
            problems.push(`${r.metadata.name}: dependsOn ${id} does not exist`);
        }
      }
      for (const repo of repos) {
        if (!usedRepos.has(repo))
          problems.push(`HelmRepository ${repo} is not used`);
      }
      expect(problems).toEqual([]);
    });

    it('labels and annotates workloads and releases like a real platform team', () => {
      const problems: string[] = [];
      for (const obj of [...top('apps'), ...top('infrastructure')] as any[]) {
        const id = `${obj.kind} ${obj.metadata.namespace ?? ''}/${
          obj.metadata.name
        }`;
        if (['Deployment', 'HelmRelease', 'Namespace'].includes(obj.kind)) {
          const owner = obj.metadata.annotations?.['flux-portal.io/owner'];
          if (!/^group:default\/team-[a-z-]+$/.test(owner ?? ''))
            problems.push(`${id}: owner "${owner}"`);
          if (
            !GROUPS.includes(obj.metadata.labels?.['app.kubernetes.io/part-of'])
          ) {
            problems.push(`${id}: part-of label`);
          }
        }
        if (['Deployment', 'HelmRelease'].includes(obj.kind)) {
          for (const key of [
            'app.kubernetes.io/name',
            'app.kubernetes.io/component',
          ]) {
            if (!obj.metadata.labels?.[key]) problems.push(`${id}: no ${key}`);
          }
          if (!obj.metadata.annotations?.['flux-portal.io/description'])
            problems.push(`${id}: no description`);
        }
        if (obj.kind === 'Deployment') {
          const pod = obj.spec.template.spec;
          if (pod.securityContext?.runAsNonRoot !== true)
            problems.push(`${id}: may run as root`);
          for (const c of pod.containers) {
            for (const key of ['readinessProbe', 'livenessProbe']) {
              if (!c[key])
                problems.push(`${id}: container ${c.name} has no ${key}`);
            }
            if (!c.resources?.requests?.cpu || !c.resources?.limits?.memory) {
              problems.push(
                `${id}: container ${c.name} without requests/limits`,
              );
            }
            if (c.securityContext?.allowPrivilegeEscalation !== false) {
              problems.push(
                `${id}: container ${c.name} allows privilege escalation`,
              );
            }
            for (const e of c.env ?? []) {
              if (
                /PASSWORD|SECRET/.test(e.name) &&
                e.value !== undefined &&
                !e.value.startsWith('$(')
              ) {
                problems.push(`${id}: ${e.name} is a literal`);
              }
            }
          }
        }
        if (
          obj.kind !== 'Namespace' &&
          !['ClusterIssuer'].includes(obj.kind) &&
          !obj.metadata.namespace
        ) {
          problems.push(`${id}: namespaced object without namespace`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('names in CODEOWNERS the team of every owner annotation', () => {
      const rules = new Map(
        fs
          .readFileSync(path.join(ROOT, 'CODEOWNERS'), 'utf8')
          .split('\n')
          .filter(l => l.trim() && !l.startsWith('#'))
          .map(l => l.trim().split(/\s+/) as [string, string]),
      );
      const problems: string[] = [];
      for (const [dir, objects] of builds) {
        const [area, name, rest] = dir.split('/');
        if (!['apps', 'infrastructure'].includes(area) || !name || rest)
          continue;
        const owner = objects
          .map(o => o.metadata.annotations?.['flux-portal.io/owner'])
          .find(Boolean);
        const team = owner?.replace('group:default/', '@example-org/');
        if (rules.get(`/${area}/${name}/`) !== team) {
          problems.push(
            `/${area}/${name}/: CODEOWNERS ${rules.get(
              `/${area}/${name}/`,
            )}, annotation ${owner}`,
          );
        }
      }
      expect(problems).toEqual([]);
    });

    it('patches the base: the cluster replica counts win over the base', () => {
      const base = top('apps/bim/base').find(
        o => o.kind === 'Deployment',
      ) as any;
      const patched = top('apps/bim').find(o => o.kind === 'Deployment') as any;
      const patch = parse(
        fs.readFileSync(
          path.join(ROOT, 'apps/bim/patches/replicas.yaml'),
          'utf8',
        ),
      );
      expect(base.spec.replicas).toBe(1);
      expect(patched.spec.replicas).toBe(patch.spec.replicas);
      expect(patched.spec.replicas).not.toBe(base.spec.replicas);
    });
  },
);
