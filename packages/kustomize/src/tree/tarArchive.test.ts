import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTarArchive } from './tarArchive';

const FILES = {
  'README.md': '# monorepo\n',
  'apps/kustomization.yaml': 'resources:\n- notes\n',
  // Longer than the 100 bytes of a tar name field: needs a pax header.
  [`apps/${'very-long-service-name-'.repeat(5)}/base/deployment.yaml`]:
    'kind: Deployment\n',
  'clusters/contour/apps.yaml': 'kind: Kustomization\n',
};

function withRepository(test: (dir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-tar-'));
  try {
    for (const [file, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.symlinkSync('README.md', path.join(dir, 'link.md'));
    test(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const asText = (files: Record<string, Buffer>) =>
  Object.fromEntries(
    Object.entries(files).map(([f, b]) => [f, b.toString('utf8')]),
  );

describe('readTarArchive', () => {
  it('reads what git archive writes (pax global header, long paths), top folder stripped', () => {
    withRepository(dir => {
      const git = (...args: string[]) =>
        execFileSync('git', ['-C', dir, ...args], {
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@example.com',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@example.com',
          },
        });
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-q', '-m', 'seed');
      const archive = git(
        'archive',
        '--format=tar.gz',
        '--prefix=org-repo-abc1234/',
        'HEAD',
      );
      // the symlink is no regular file: left out
      expect(asText(readTarArchive(archive))).toEqual(FILES);
    });
  });

  it('reads a plain tar without a top folder (./ prefixes removed) when asked not to strip', () => {
    withRepository(dir => {
      const archive = execFileSync('tar', ['-cf', '-', '-C', dir, '.']);
      expect(
        asText(readTarArchive(archive, { stripTopFolder: false })),
      ).toEqual(FILES);
    });
  });
});
