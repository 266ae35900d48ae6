/**
 * What each `flux-portal` command prints, from a loaded model. Kept apart
 * from argument parsing so the output rules are in one place.
 */
import { stringify } from 'yaml';
import { formatProblem } from '@flux-portal/kustomize';
import type {
  ModelArtifact,
  ModelHelmRelease,
  ModelKustomization,
  ModelSource,
  MonorepoModel,
} from '@flux-portal/flux-engine';
import { EXTERNAL_ARTIFACT_KIND } from '@flux-portal/plugin-flux-common';
import { formatTable } from './formatTable';

export type OutputFormat = 'table' | 'json' | 'yaml';

export interface Selection {
  allNamespaces: boolean;
  namespace: string;
  cluster?: string;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
}

type Scoped = { cluster: string; namespace: string };

type Named = Scoped & { name: string };

/** Filters by namespace and cluster, sorted like the flux CLI lists. */
function select<T extends Named>(items: T[], sel: Selection): T[] {
  const key = (i: T) => `${i.cluster}\u0000${i.namespace}\u0000${i.name}`;
  return items
    .filter(
      i =>
        (sel.allNamespaces || i.namespace === sel.namespace) &&
        (!sel.cluster || i.cluster === sel.cluster),
    )
    .sort((a, b) => {
      if (key(a) === key(b)) return 0;
      return key(a) < key(b) ? -1 : 1;
    });
}

function render(
  items: object[],
  format: OutputFormat,
  what: string,
  sel: Selection,
  table: () => string,
): string {
  if (format === 'json') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'yaml') return items.length ? stringify(items) : '[]\n';
  if (!items.length) {
    const where = sel.allNamespaces
      ? 'any namespace'
      : `namespace ${sel.namespace}`;
    return `No ${what} found in ${where}.\n`;
  }
  return `${table()}\n`;
}

const ref = (r: { kind: string; namespace: string; name: string } | null) =>
  r ? `${r.kind}/${r.namespace}/${r.name}` : '-';

function withScope(
  model: MonorepoModel,
  sel: Selection,
  headers: string[],
  rows: Array<{ item: Scoped; cells: string[] }>,
): string {
  const clusters = new Set(model.entries.map(e => e.cluster)).size > 1;
  const lead = [
    ...(clusters ? ['CLUSTER'] : []),
    ...(sel.allNamespaces ? ['NAMESPACE'] : []),
  ];
  return formatTable(
    [...lead, ...headers],
    rows.map(({ item, cells }) => [
      ...(clusters ? [item.cluster] : []),
      ...(sel.allNamespaces ? [item.namespace] : []),
      ...cells,
    ]),
  );
}

/**
 * The path as it stands in the repository: an ExternalArtifact's files are
 * copies, so its Kustomizations show the folder they were copied from.
 */
function repositoryPath(k: ModelKustomization): string {
  return k.sourceRef.kind === EXTERNAL_ARTIFACT_KIND && k.renderedPath !== null
    ? k.renderedPath
    : k.path;
}

export function getKustomizations(
  model: MonorepoModel,
  sel: Selection,
  format: OutputFormat,
): CommandOutput {
  const items: ModelKustomization[] = select(model.kustomizations, sel);
  const stdout = render(items, format, 'Flux Kustomizations', sel, () =>
    withScope(
      model,
      sel,
      ['NAME', 'PATH', 'SOURCE', 'DEPENDS-ON', 'STATUS', 'MESSAGE'],
      items.map(k => ({
        item: k,
        cells: [
          k.name,
          `./${repositoryPath(k)}`,
          ref(k.sourceRef),
          k.dependsOn.map(d => `${d.namespace}/${d.name}`).join(',') || '-',
          k.suspend ? `${k.status} (suspended)` : k.status,
          k.reason ?? '-',
        ],
      })),
    ),
  );
  return { stdout, stderr: '', code: 0 };
}

export function getHelmReleases(
  model: MonorepoModel,
  sel: Selection,
  format: OutputFormat,
): CommandOutput {
  const items: ModelHelmRelease[] = select(model.helmReleases, sel);
  const stdout = render(items, format, 'HelmReleases', sel, () =>
    withScope(
      model,
      sel,
      ['NAME', 'CHART', 'VERSION', 'SOURCE', 'KUSTOMIZATION'],
      items.map(h => ({
        item: h,
        cells: [
          h.name,
          h.chart ?? '-',
          h.version ?? '-',
          ref(h.sourceRef),
          h.appliedBy ?? '-',
        ],
      })),
    ),
  );
  return { stdout, stderr: '', code: 0 };
}

/** Git/OCI/Bucket sources are mapped to a local folder or external. */
function localColumn(s: ModelSource): string {
  if (s.type === 'HelmRepository' || s.type === 'HelmChart') return '-';
  return s.local ? 'mapped' : 'external';
}

export function getSources(
  model: MonorepoModel,
  sel: Selection,
  format: OutputFormat,
): CommandOutput {
  const items: ModelSource[] = select(model.sources, sel);
  // ExternalArtifacts after the sources: JSON keeps them apart by `generator`
  const artifacts: ModelArtifact[] = select(model.artifacts, sel);
  const stdout = render(
    [...items, ...artifacts],
    format,
    'Flux sources',
    sel,
    () =>
      withScope(
        model,
        sel,
        ['KIND', 'NAME', 'URL', 'REF', 'LOCAL'],
        [
          ...items.map(s => ({
            item: s,
            cells: [s.type, s.name, s.url ?? '-', s.ref ?? '-', localColumn(s)],
          })),
          ...artifacts.map(a => ({
            item: a,
            cells: [
              EXTERNAL_ARTIFACT_KIND,
              a.name,
              `from ${a.sources.join(',') || '-'}`,
              a.originRevision ? `origin:${a.originRevision}` : '-',
              a.generated ? 'generated' : 'external',
            ],
          })),
        ],
      ),
  );
  return { stdout, stderr: '', code: 0 };
}

export function buildKustomization(
  model: MonorepoModel,
  name: string,
  sel: Selection,
): CommandOutput {
  const matches = model.kustomizations.filter(
    k =>
      k.name === name &&
      k.namespace === sel.namespace &&
      (!sel.cluster || k.cluster === sel.cluster),
  );
  const id = `${sel.namespace}/${name}`;
  if (!matches.length) {
    return {
      stdout: '',
      stderr: `Flux Kustomization ${id} not found\n`,
      code: 1,
    };
  }
  if (matches.length > 1) {
    const clusters = matches.map(m => m.cluster).join(', ');
    return {
      stdout: '',
      stderr: `Flux Kustomization ${id} exists in clusters ${clusters}; choose one with --cluster\n`,
      code: 1,
    };
  }
  const ks = matches[0];
  if (ks.status !== 'rendered') {
    return {
      stdout: '',
      stderr: `Flux Kustomization ${id} was not rendered: ${
        ks.status
      } (source ${ref(ks.sourceRef)})\n`,
      code: 1,
    };
  }
  const docs = model.objects
    .filter(o => o.cluster === ks.cluster && o.provenance.kustomization === id)
    .map(o => stringify(o.object));
  return { stdout: docs.map(d => `---\n${d}`).join(''), stderr: '', code: 0 };
}

export function validate(model: MonorepoModel): CommandOutput {
  const lines = model.problems.map(p =>
    p.severity === 'warning'
      ? formatProblem({ ...p, message: `warning: ${p.message}` })
      : formatProblem(p),
  );
  const errors = model.problems.filter(p => p.severity === 'error').length;
  const warnings = model.problems.length - errors;
  return {
    stdout: lines.length ? `${lines.join('\n')}\n` : '',
    stderr: `${errors} error(s), ${warnings} warning(s) in ${model.kustomizations.length} Flux Kustomization(s)\n`,
    code: errors ? 1 : 0,
  };
}
