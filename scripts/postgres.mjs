/*
 * A throwaway PostgreSQL for the test command: Debian's server (installed with
 * apt-get when missing and running as root), a fresh cluster in a temp dir,
 * listening on a loopback port only. Exports the connection string in the
 * variable Backstage's TestDatabases reads for that major version.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter(v => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length
    ? { bin: join(root, versions[0], 'bin'), major: versions[0] }
    : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Returns { env, stop } or { skipReason }. */
export async function startTestPostgres() {
  let found = findBinDir();
  if (!found && process.getuid?.() === 0) {
    console.log('installing Debian postgresql for the database tests');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', 'postgresql'], {
      stdio: 'inherit',
      env,
    });
    found = findBinDir();
  }
  if (!found)
    return { skipReason: 'no PostgreSQL server (apt-get install postgresql)' };
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: use the postgres system user Debian's package creates.
  const runAs = asRoot ? ['runuser', '-u', 'postgres', '--'] : [];
  const dir = mkdtempSync(join(tmpdir(), 'flux-portal-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const run = (cmd, args) =>
    spawnSync(
      runAs[0] ?? cmd,
      runAs.length ? [...runAs.slice(1), cmd, ...args] : args,
      { encoding: 'utf8' },
    );
  const init = run(join(found.bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  if (init.status !== 0)
    return { skipReason: `initdb failed: ${init.stderr || init.error}` };
  const port = await freePort();
  const start = run(join(found.bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  if (start.status !== 0)
    return {
      skipReason: `PostgreSQL did not start: ${start.stderr || start.stdout}`,
    };
  const connectionString = `postgresql://postgres@127.0.0.1:${port}`;
  return {
    major: found.major,
    env: {
      [`BACKSTAGE_TEST_DATABASE_POSTGRES${found.major}_CONNECTION_STRING`]:
        connectionString,
    },
    stop() {
      run(join(found.bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
