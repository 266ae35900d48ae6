#!/usr/bin/env node
/*
 * The README's test command (`./portal test`): type check, lint, prettier check, the
 * publishing checks (package fields, API reports), every jest
 * suite of every package, then the browser tests against a started portal.
 * Ends with one plain line `N passed, N failed[, N skipped]` summed over all suites.
 *
 * Usage: node scripts/test-all.mjs [--skip-e2e] [--only-e2e]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestPostgres } from './postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const args = new Set(process.argv.slice(2));
process.env.CI = 'true';

const steps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(name, command, commandArgs, options = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${commandArgs.join(' ')}`);
  const res = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const ok = res.status === 0;
  steps.push({ name, ok, seconds });
  console.log(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${res.status})`} in ${seconds}s`,
  );
  return ok;
}

mkdirSync(results, { recursive: true });

if (!args.has('--only-e2e')) {
  run('type check', 'yarn', ['tsc']);
  run('lint', 'yarn', ['backstage-cli', 'repo', 'lint']);
  run('format', 'yarn', ['prettier', '--check', '.']);
  // Publishing: package.json fields Backstage wants, and API reports that match
  // the code (`yarn build:api-reports` rewrites them). Uses tsc's dist-types.
  run('publish check', 'yarn', [
    'backstage-cli',
    'repo',
    'fix',
    '--publish',
    '--check',
  ]);
  run('API reports', 'yarn', ['build:api-reports', '--ci']);

  // Real PostgreSQL for the database integration tests (SQLite needs nothing).
  const postgres = await startTestPostgres();
  if (postgres.skipReason)
    console.log(`PostgreSQL tests will be skipped: ${postgres.skipReason}`);
  else
    console.log(
      `PostgreSQL ${postgres.major} for the tests: ${
        Object.values(postgres.env)[0]
      }`,
    );

  const jestJson = join(results, 'jest.json');
  rmSync(jestJson, { force: true });
  // One jest run over every package (Backstage's repo test): one summary to read.
  run(
    'unit and integration tests',
    'yarn',
    ['backstage-cli', 'repo', 'test', '--json', `--outputFile=${jestJson}`],
    { env: postgres.env },
  );
  postgres.stop?.();
  if (existsSync(jestJson)) {
    const report = JSON.parse(readFileSync(jestJson, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    // A suite that fails to load has no failed tests, but is a failure.
    totals.failed += report.numRuntimeErrorTestSuites ?? 0;
  } else {
    totals.failed += 1;
  }
}

if (!args.has('--skip-e2e')) {
  const tap = join(results, 'e2e.tap');
  rmSync(tap, { force: true });
  run('browser tests', process.execPath, [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    'e2e-tests/*.test.mjs',
  ]);
  if (existsSync(tap)) {
    const text = readFileSync(tap, 'utf8');
    const count = key =>
      Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    totals.passed += count('pass');
    totals.failed += count('fail') + count('cancelled');
    totals.skipped += count('skipped') + count('todo');
  } else {
    totals.failed += 1;
  }
}

console.log('\n=== summary');
for (const s of steps)
  console.log(`${s.ok ? 'ok    ' : 'FAILED'} ${s.name} (${s.seconds}s)`);
const failedSteps = steps.filter(s => !s.ok).length;
// A failed type check, lint or format check is a failure too, not only failed tests.
totals.failed += steps.filter(
  s =>
    !s.ok &&
    ['type check', 'lint', 'format', 'publish check', 'API reports'].includes(
      s.name,
    ),
).length;
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failedSteps > 0 || totals.failed > 0 ? 1 : 0);
