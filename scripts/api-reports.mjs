#!/usr/bin/env node
/*
 * `yarn build:api-reports [--ci]`: the API reports (report.api.md, and the
 * CLI's cli-report.md) of every published package, from the declarations
 * `yarn tsc` writes to dist-types. With --ci it fails when one differs.
 * ae-undocumented is not enforced (not every member has a doc comment yet);
 * ae-wrong-input-file-type is omitted as in Backstage's own repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const published = ['plugins', 'packages']
  .flatMap(dir =>
    readdirSync(join(root, dir)).map(name => join(root, dir, name)),
  )
  .filter(dir => existsSync(join(dir, 'package.json')))
  .filter(
    dir => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private,
  )
  .map(dir => relative(root, dir));

const res = spawnSync(
  'yarn',
  [
    'backstage-repo-tools',
    'api-reports',
    ...process.argv.slice(2),
    '-o',
    'ae-undocumented,ae-wrong-input-file-type',
    ...published,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(res.status ?? 1);
