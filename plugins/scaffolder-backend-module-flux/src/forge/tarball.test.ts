import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git, writeFiles } from '../__testUtils__/exampleRepo';
import { writeTarGz } from '../__testUtils__/tarGz';
import { readTarGz } from './tarball';

const FILES = {
  'README.md': '# monorepo\n',
  'apps/kustomization.yaml': 'resources:\n- notes\n',
  // Longer than the 100 bytes of a tar name field: needs a pax header.
  [`apps/${'very-long-service-name-'.repeat(5)}/base/deployment.yaml`]:
    'kind: Deployment\n',
  'clusters/contour/apps.yaml': 'kind: Kustomization\n',
};

describe('readTarGz', () => {
  it('reads what git archive writes (pax global header, long paths), top folder stripped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-tar-'));
    try {
      writeFiles(dir, FILES);
      fs.symlinkSync('README.md', path.join(dir, 'link.md'));
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'seed');
      const archive = execFileSync(
        'git',
        ['archive', '--format=tar.gz', '--prefix=org-repo-abc1234/', 'HEAD'],
        { cwd: dir },
      );
      const files = readTarGz(archive);
      expect(
        Object.fromEntries(
          Object.entries(files).map(([f, b]) => [f, b.toString('utf8')]),
        ),
      ).toEqual(FILES);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips the fake forges’ archives', () => {
    const files = readTarGz(writeTarGz('repo-sha-sha', FILES));
    expect(Object.keys(files).sort()).toEqual(Object.keys(FILES).sort());
    expect(files['apps/kustomization.yaml'].toString('utf8')).toBe(
      FILES['apps/kustomization.yaml'],
    );
  });
});
