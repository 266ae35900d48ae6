/**
 * Golden outputs of `get ks -A`, `get hr -A`, `get sources -A`, `validate` and `build ks` for
 * every layout fixture of the engine (packages/flux-engine/fixtures), each
 * copied into a temp checkout with its own `.git`, as a user's clone is.
 * The goldens were reviewed against what Flux creates for each layout (see
 * each fixture's shape in the engine README); `UPDATE_GOLDEN=1` rewrites
 * them after a deliberate change, to be reviewed in the commit's diff.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { runFluxPortalCli } from './runFluxPortalCli';

const FIXTURES = nodePath.resolve(__dirname, '../../flux-engine/fixtures');
const GOLDEN = nodePath.join(__dirname, '__golden__');

interface Layout {
  fixture: string;
  path: string;
  /** other fixtures copied beside it, mapped with --source NAME=../<fixture> */
  sources?: Record<string, string>;
}

const LAYOUTS: Layout[] = [
  { fixture: 'kustomize-helm', path: '.' },
  { fixture: 'flux-artifacts', path: 'clusters/production' },
  {
    fixture: 'multi-tenant',
    path: 'clusters/staging',
    sources: { 'apps/dev-team': 'multi-tenant-dev-team' },
  },
  { fixture: 'home-lab', path: 'kubernetes/flux/cluster' },
  { fixture: 'oci-chartref', path: 'clusters/prod' },
  { fixture: 'plain-folders', path: 'clusters/dev' },
  { fixture: 'git-chart', path: 'clusters/prod' },
  { fixture: 'bad-flux', path: 'clusters/bad' },
];

let work: string;
beforeAll(() => {
  work = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-golden-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(cwd: string, args: string[]): Promise<string> {
  let out = '';
  const code = await runFluxPortalCli(['node', 'flux-portal', ...args], {
    cwd,
    stdout: t => {
      out += t;
    },
    stderr: t => {
      out += t;
    },
  });
  return `$ flux-portal ${args.join(' ')}\n${out}(exit ${code})\n`;
}

describe('fixture goldens', () => {
  it.each(LAYOUTS.map(l => [l.fixture, l] as const))(
    '%s',
    async (name, layout) => {
      const checkout = (fixture: string) => {
        const dir = nodePath.join(work, name, fixture);
        cpSync(nodePath.join(FIXTURES, fixture), dir, { recursive: true });
        mkdirSync(nodePath.join(dir, '.git'));
        return dir;
      };
      const dir = checkout(layout.fixture);
      const repo = [
        '--path',
        layout.path,
        ...Object.entries(layout.sources ?? {}).flatMap(([source, fixture]) => {
          checkout(fixture);
          return ['--source', `${source}=../${fixture}`];
        }),
      ];
      const parts = [
        await cli(dir, ['get', 'ks', '-A', ...repo]),
        await cli(dir, ['get', 'hr', '-A', ...repo]),
        await cli(dir, ['get', 'sources', '-A', ...repo]),
        await cli(dir, ['validate', ...repo]),
      ];
      let listed = '';
      await runFluxPortalCli(
        ['node', 'flux-portal', 'get', 'ks', '-A', '-o', 'json', ...repo],
        { cwd: dir, stdout: t => (listed += t), stderr: () => {} },
      );
      for (const ks of JSON.parse(listed)) {
        if (ks.status !== 'rendered') continue;
        parts.push(
          await cli(dir, [
            'build',
            'ks',
            ks.name,
            '-n',
            ks.namespace,
            '--cluster',
            ks.cluster,
            ...repo,
          ]),
        );
      }
      const actual = parts.join('\n');
      const golden = nodePath.join(GOLDEN, `${name}.txt`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        writeFileSync(golden, actual);
      }
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    },
  );
});
