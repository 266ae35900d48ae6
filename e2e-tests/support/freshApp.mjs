/*
 * Someone else's Backstage: a fresh app from @backstage/create-app (npm
 * registry only), into which the packed @flux-portal packages are installed
 * by following the install steps their READMEs give, and nothing else.
 *
 * README convention the steps are read from (in each "## Install" section):
 *   ```sh                     yarn --cwd packages/<app|backend> add <packages…>
 *   ```ts / ```tsx            first line `// packages/backend/src/index.ts`:
 *                             `backend.add(…)` lines are added before
 *                             `backend.start()`; a `// instead of: <package>`
 *                             comment removes the backend.add of <package>
 * The test adds each package as `file:` its tarball (the registry does not
 * hold them), with root `resolutions` so their dependencies on each other
 * resolve to the tarballs too.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './portal.mjs';

/** The fresh app's own commits (no user git config needed). */
const COMMITTER = [
  '-c',
  'user.name=flux-portal test',
  '-c',
  'user.email=test@flux-portal.invalid',
];

/** Pinned, so the test does not change under us; bump deliberately. */
export const CREATE_APP_VERSION = '0.9.2';

function run(command, args, options = {}) {
  const started = Date.now();
  const env = { ...process.env, ...options.env };
  // yarn treats CI as "never change the lockfile": the fresh app's must change
  if (options.notCI) delete env.CI;
  const res = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...options,
    env,
  });
  if (res.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd ?? '.'}) failed with ${
        res.status
      }:\n${(res.stdout ?? '').slice(-3000)}\n${(res.stderr ?? '').slice(
        -3000,
      )}`,
    );
  }
  return { ...res, seconds: (Date.now() - started) / 1000 };
}

/** The workspace packages a Backstage adopter installs: every non-private one. */
export function publishablePackages() {
  const dirs = ['plugins', 'packages'].flatMap(root =>
    readdirSync(join(repoRoot, root), { withFileTypes: true })
      .filter(d => d.isDirectory())
      .map(d => join(repoRoot, root, d.name)),
  );
  return dirs
    .filter(dir => existsSync(join(dir, 'package.json')))
    .map(dir => ({
      dir,
      pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => !pkg.private);
}

/** Builds and packs every publishable package; returns name → tarball path. */
export function packAll(outDir) {
  mkdirSync(outDir, { recursive: true });
  // declarations for the packages' dist/index.d.ts
  run('yarn', ['tsc'], { cwd: repoRoot });
  const tarballs = {};
  for (const { dir, pkg } of publishablePackages()) {
    const file = join(
      outDir,
      `${pkg.name.replace(/^@/, '').replace('/', '-')}.tgz`,
    );
    run('yarn', ['backstage-cli', 'package', 'build'], { cwd: dir });
    // prepack/postpack (backstage-cli) swap in publishConfig and restore package.json
    run('yarn', ['pack', '--out', file], { cwd: dir });
    tarballs[pkg.name] = file;
  }
  return tarballs;
}

/**
 * A fresh app at `dir`, made once by create-app and kept (with its
 * node_modules) between runs; its files are reset to the generated commit.
 */
export function freshApp(dir) {
  // written once the app is made and upgraded: a half-made app is made again
  const ready = join(dir, '.fresh-app-ready');
  if (!existsSync(ready)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '..'), { recursive: true });
    run(
      'npx',
      [
        '-y',
        `@backstage/create-app@${CREATE_APP_VERSION}`,
        '--skip-install',
        '--path',
        dir,
      ],
      { input: 'fresh-app\n' },
    );
    // create-app makes no git repository inside another one (this checkout):
    // the fresh app gets its own, to reset to between runs
    if (!existsSync(join(dir, '.git'))) {
      run('git', ['init', '-q'], { cwd: dir });
      run('git', ['add', '-A'], { cwd: dir });
      run('git', [...COMMITTER, 'commit', '-qm', 'create-app'], { cwd: dir });
    }
    // What Backstage asks after create-app, so every @backstage package is of
    // one release (without it the signals plugin fails to start); kept as a
    // commit, the state each later run resets to.
    run('yarn', ['up', '@backstage/*'], { cwd: dir, notCI: true });
    run('git', [...COMMITTER, 'commit', '-qam', "yarn up '@backstage/*'"], {
      cwd: dir,
    });
    writeFileSync(ready, `${CREATE_APP_VERSION}\n`);
  } else {
    run('git', ['checkout', '--', '.'], { cwd: dir });
    run(
      'git',
      [
        'clean',
        '-fdq',
        '-e',
        'node_modules',
        '-e',
        'dist',
        '-e',
        '.fresh-app-ready',
      ],
      {
        cwd: dir,
      },
    );
  }
  return dir;
}

/** The code blocks of a README's "## Install…" sections, with their language. */
export function installBlocks(readme) {
  const blocks = [];
  let inInstall = false;
  let block;
  for (const line of readme.split('\n')) {
    if (block) {
      if (line.startsWith('```')) {
        blocks.push(block);
        block = undefined;
      } else block.lines.push(line);
      continue;
    }
    if (/^## /.test(line)) inInstall = /^## Install\b/.test(line);
    else if (inInstall && /^```(\w+)/.test(line))
      block = { lang: /^```(\w+)/.exec(line)[1], lines: [] };
  }
  return blocks;
}

/** The README's `yarn --cwd <workspace> add <packages>` steps. */
function addSteps(blocks) {
  return blocks
    .filter(b => b.lang === 'sh')
    .flatMap(b => b.lines)
    .map(l => /^yarn --cwd (\S+) add (.+)$/.exec(l.trim()))
    .filter(Boolean)
    .map(([, workspace, names]) => ({
      workspace,
      names: names.split(/\s+/).filter(Boolean),
    }));
}

/** The README's edits of the backend's index.ts. */
function backendEdits(blocks) {
  return blocks
    .filter(
      b =>
        (b.lang === 'ts' || b.lang === 'tsx') &&
        b.lines[0]?.trim() === '// packages/backend/src/index.ts',
    )
    .flatMap(b => b.lines.slice(1))
    .map(l => l.trim())
    .filter(Boolean);
}

/**
 * Follows the install steps of the READMEs of the given packages in the
 * app: dependencies (as tarballs) and backend registrations. Returns what
 * was done, for the log.
 */
export function followReadmes(appDir, tarballs, packageDirs) {
  const done = [];
  const rootFile = join(appDir, 'package.json');
  const root = JSON.parse(readFileSync(rootFile, 'utf8'));
  root.resolutions = {
    ...root.resolutions,
    ...Object.fromEntries(
      Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
    ),
  };
  writeFileSync(rootFile, `${JSON.stringify(root, null, 2)}\n`);
  const indexFile = join(appDir, 'packages/backend/src/index.ts');
  for (const dir of packageDirs) {
    const blocks = installBlocks(readFileSync(join(dir, 'README.md'), 'utf8'));
    for (const { workspace, names } of addSteps(blocks)) {
      const file = join(appDir, workspace, 'package.json');
      // e.g. `plugins/<your-plugin>`: a library's step for plugin authors, not for an app
      if (!existsSync(file)) {
        done.push(
          `skipped (no ${workspace} in an app): add ${names.join(' ')}`,
        );
        continue;
      }
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      for (const name of names) {
        if (!tarballs[name])
          throw new Error(`${dir}/README.md adds ${name}, which is not packed`);
        pkg.dependencies[name] = `file:${tarballs[name]}`;
        done.push(`${workspace}: add ${name}`);
      }
      writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
    }
    let index = readFileSync(indexFile, 'utf8');
    for (const line of backendEdits(blocks)) {
      const instead = /^\/\/ instead of: (\S+)$/.exec(line);
      if (instead) {
        // the whole `backend.add(import('<package>'))` statement, however wrapped
        const statement = new RegExp(
          `backend\\.add\\(\\s*import\\('${instead[1]}'\\),?\\s*\\);\\n?`,
        );
        if (!statement.test(index))
          throw new Error(
            `${dir}/README.md replaces ${instead[1]}, which the backend does not add`,
          );
        index = index.replace(statement, '');
        done.push(`backend: remove ${instead[1]}`);
      } else if (line.startsWith('backend.add(') && !index.includes(line)) {
        index = index.replace(
          'backend.start();',
          `${line}\n\nbackend.start();`,
        );
        done.push(`backend: ${line}`);
      }
    }
    writeFileSync(indexFile, index);
  }
  return done;
}

export { run };
