import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createLocalTree } from '@flux-portal/kustomize';
import {
  EXAMPLE_MONOREPO,
  exampleGitRepo,
  findKubectl,
  git,
  writeFiles,
} from '../__testUtils__/exampleRepo';
import { planAddApp } from './planAddApp';

const NEW_APP = {
  name: 'invoices',
  owner: 'group:default/team-documents',
  system: 'system:default/business-services',
  description: 'Invoices of construction contracts',
  image: 'cr.example/invoices:1.0.0',
  port: 8080,
  replicas: 2,
  dependsOn: [
    'resource:default/postgresql',
    'resource:default/redis',
    'component:default/contracts',
  ],
};

describe('planAddApp', () => {
  let repo: string;
  beforeAll(() => {
    repo = exampleGitRepo();
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('touches only the new folder and the apps registration of a real git repo', async () => {
    const change = await planAddApp(createLocalTree(repo), NEW_APP);
    expect(change.problems).toEqual([]);
    writeFiles(repo, change.files);
    git(repo, 'add', '-A');
    const changed = git(repo, 'diff', '--cached', '--name-status')
      .trim()
      .split('\n');
    expect(changed).toEqual([
      'A\tapps/invoices/base/deployment.yaml',
      'A\tapps/invoices/base/kustomization.yaml',
      'A\tapps/invoices/base/namespace.yaml',
      'A\tapps/invoices/base/service.yaml',
      'A\tapps/invoices/kustomization.yaml',
      'A\tapps/invoices/patches/replicas.yaml',
      'M\tapps/kustomization.yaml',
    ]);
    // The registration keeps every existing line and appends one at the end.
    const registration = git(
      repo,
      'diff',
      '--cached',
      '-U0',
      '--',
      'apps/kustomization.yaml',
    );
    expect(
      registration
        .split('\n')
        .filter(l => /^[-+]/.test(l) && !/^(\+\+\+|---) /.test(l)),
    ).toEqual(['+- invoices']);
    expect(change.entityRef).toBe('component:default/invoices');
    expect(change.modified).toEqual(['apps/kustomization.yaml']);
    git(repo, 'reset', '-q', '--hard');
    expect(fs.existsSync(path.join(repo, 'apps/invoices'))).toBe(false);
  });

  it('wires dependsOn into env the way the example services are wired', async () => {
    const change = await planAddApp(createLocalTree(repo), NEW_APP);
    const deployment = change.rendered.find(o => o.kind === 'Deployment');
    const env = JSON.stringify(deployment);
    expect(env).toContain('postgresql-primary.postgresql.svc.cluster.local');
    expect(env).toContain('CONTRACTS_URL');
    expect(env).toContain('http://contracts.contracts.svc.cluster.local:8080');
    // Redis indexes in use anywhere in the example; the new service takes the next free one.
    const used = execFileSync(
      'grep',
      ['-rhoE', '6379/[0-9]+', EXAMPLE_MONOREPO],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map(m => Number(m.split('/')[1]));
    expect(env).toContain(`6379/${Math.max(...used) + 1}`);
    expect(change.rendered.map(o => o.kind).sort()).toEqual([
      'Deployment',
      'Namespace',
      'Service',
    ]);
  });

  it('generates exactly the committed files of the example service notes', async () => {
    // Remove notes from a copy, then add it back with the inputs of its spec.
    const dir = exampleGitRepo();
    try {
      fs.rmSync(path.join(dir, 'apps/notes'), { recursive: true });
      const registration = path.join(dir, 'apps/kustomization.yaml');
      fs.writeFileSync(
        registration,
        fs.readFileSync(registration, 'utf8').replace('- notes\n', ''),
      );
      const change = await planAddApp(createLocalTree(dir), {
        name: 'notes',
        owner: 'group:default/team-documents',
        system: 'business-services',
        description: 'Personal and shared notes linked to documents',
        image: 'cr.yandex/crpplatform0contour/notes:1.0.6',
        port: 8080,
        replicas: 2,
        dependsOn: [
          'resource:default/postgresql',
          'component:default/document-link',
        ],
      });
      expect(change.problems).toEqual([]);
      for (const [file, text] of Object.entries(change.files)) {
        expect({ file, text }).toEqual({
          file,
          text: fs.readFileSync(path.join(EXAMPLE_MONOREPO, file), 'utf8'),
        });
      }
      expect(Object.keys(change.files)).toHaveLength(7);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['Invoices', 'DNS-1123'],
    ['a'.repeat(64), 'longer than 63'],
    ['notes', 'apps/notes already exists'],
  ])('refuses the name %s', async (name, message) => {
    const change = await planAddApp(createLocalTree(repo), {
      ...NEW_APP,
      name,
    });
    expect(change.problems.join('\n')).toContain(message);
    expect(change.files).toEqual({});
  });

  it('refuses a name registered in apps/kustomization.yaml without a folder', async () => {
    const dir = exampleGitRepo();
    try {
      const registration = path.join(dir, 'apps/kustomization.yaml');
      fs.appendFileSync(registration, '- ghost\n');
      const change = await planAddApp(createLocalTree(dir), {
        ...NEW_APP,
        name: 'ghost',
      });
      expect(change.problems.join('\n')).toMatch(
        /apps\/kustomization.yaml:\d+: "ghost" is already listed/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses unknown dependencies and clusters', async () => {
    const change = await planAddApp(createLocalTree(repo), {
      ...NEW_APP,
      dependsOn: ['component:default/nope'],
      clusters: ['mars'],
    });
    expect(change.problems).toEqual([
      'cluster "mars" is not in clusters/',
      'dependsOn "component:default/nope" is not an entity of the monorepo',
    ]);
  });

  it('refuses when the service would not render in the apps Kustomization', async () => {
    // A repo whose apps.yaml points elsewhere: the new service renders nowhere.
    const dir = exampleGitRepo();
    try {
      const appsYaml = path.join(dir, 'clusters/contour/apps.yaml');
      fs.writeFileSync(
        appsYaml,
        fs
          .readFileSync(appsYaml, 'utf8')
          .replace('path: ./apps', 'path: ./apps/notes'),
      );
      const change = await planAddApp(createLocalTree(dir), {
        ...NEW_APP,
        dependsOn: [],
      });
      expect(change.problems).toContain(
        'cluster "contour": Deployment invoices/invoices does not render from ./apps',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders the new service with real kubectl kustomize', async () => {
    const kubectl = findKubectl();
    if (!kubectl) {
      // eslint-disable-next-line no-console
      console.warn('kubectl not found: skipping the kustomize oracle');
      return;
    }
    const dir = exampleGitRepo();
    try {
      const change = await planAddApp(createLocalTree(dir), NEW_APP);
      writeFiles(dir, change.files);
      const out = execFileSync(
        kubectl,
        ['kustomize', path.join(dir, 'apps/invoices')],
        {
          encoding: 'utf8',
        },
      );
      expect(out).toContain('kind: Deployment');
      expect(out).toMatch(/name: invoices\n\s+namespace: invoices/);
      expect(out).toContain('replicas: 2');
      const all = execFileSync(kubectl, ['kustomize', path.join(dir, 'apps')], {
        encoding: 'utf8',
      });
      expect(all.match(/^kind: Deployment$/gm)).toHaveLength(35);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
