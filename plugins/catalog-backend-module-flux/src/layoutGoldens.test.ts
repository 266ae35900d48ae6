/**
 * Golden entities of every layout fixture of the engine
 * (packages/flux-engine/fixtures): each entity's kind, name, type, owner
 * and system, and every `dependsOn` relation with the rule that found it
 * and its evidence. Each golden was reviewed against the fixture's files
 * (what Flux would install, what each app's values connect to);
 * `UPDATE_GOLDEN=1` rewrites them after a deliberate change, to be reviewed
 * in the commit's diff. A missing golden fails rather than being written.
 */
import { loadMonorepo } from '@flux-portal/flux-engine';
import { createLocalTree } from '@flux-portal/kustomize';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monorepoToEntities } from './mapping';

const FIXTURES = resolve(__dirname, '../../../packages/flux-engine/fixtures');
const GOLDEN = join(__dirname, '__golden__');

/** Each layout fixture and its entry folder, as a provider's `path` would give it. */
const LAYOUTS: Array<[fixture: string, path: string]> = [
  ['namespace-helm', ''],
  ['home-ops', 'kubernetes/flux/cluster'],
  ['home-lab', 'kubernetes/flux/cluster'],
  ['kustomize-helm', ''],
  ['flux-artifacts', 'clusters/production'],
  ['plain-folders', 'clusters/dev'],
  ['oci-chartref', 'clusters/prod'],
  ['git-chart', 'clusters/prod'],
];

async function render(fixture: string, path: string): Promise<string> {
  const model = await loadMonorepo(createLocalTree(join(FIXTURES, fixture)), {
    path,
  });
  // the cluster fallback as the CLI gives it: the repository's folder name
  const { entities, dependencies, problems } = monorepoToEntities(model, {
    clusterFallbackName: fixture,
  });
  const lines = [`# ${fixture} (path: ${path || '.'})`, '', '## entities'];
  for (const e of entities) {
    const spec = e.spec as Record<string, unknown>;
    const fields = ['type', 'owner', 'system']
      .filter(k => typeof spec[k] === 'string')
      .map(k => `${k}=${spec[k]}`);
    lines.push(`${e.kind} ${e.metadata.name} ${fields.join(' ')}`.trimEnd());
  }
  lines.push('', '## dependsOn (reason: evidence)');
  for (const d of [...dependencies].sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  ))
    lines.push(`${d.from} -> ${d.to} [${d.reason}: ${d.evidence}]`);
  lines.push('', '## mapping problems');
  for (const p of problems) lines.push(`${p.file}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}

describe('layout goldens', () => {
  it.each(LAYOUTS)('%s', async (fixture, path) => {
    const actual = await render(fixture, path);
    const golden = join(GOLDEN, `${fixture}.txt`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(existsSync(golden)).toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
