#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report: printing is its job */
/*
 * Prints how much of the app's production bundle is this plugin, chunk by
 * chunk: which chunks carry plugins/flux/src code, whether each is loaded
 * up front (a <script> of index.html) or lazily, its size raw and gzipped,
 * and how many of its bytes come from the plugin (attributed through the
 * chunk's source map).
 *
 *   node scripts/chunk-sizes.mjs           reads packages/app/dist (builds it when missing)
 *   node scripts/chunk-sizes.mjs --build   rebuilds the app first
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);
const dist = join(repoRoot, 'packages', 'app', 'dist');
const staticDir = join(dist, 'static');
const PLUGIN_SOURCE = /plugins\/flux\/src\//;

if (process.argv.includes('--build') || !existsSync(join(dist, 'index.html'))) {
  console.log('building the app (yarn workspace app build)…');
  const res = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (res.status !== 0) {
    console.error(`app build failed with exit code ${res.status}`);
    process.exit(1);
  }
}

const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one source-map VLQ segment into its numbers. */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Bytes of the generated file attributed to each source: every mapping
 * segment owns the generated text up to the next segment on its line.
 */
function bytesPerSource(code, map) {
  const lines = code.split('\n');
  const owned = new Array(map.sources.length).fill(0);
  let source = 0;
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    const segments = [];
    for (const raw of lineMappings.split(',')) {
      if (!raw) continue;
      const fields = decodeSegment(raw);
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        segments.push({ column, source });
      } else {
        segments.push({ column, source: -1 });
      }
    }
    segments.forEach((segment, i) => {
      const end =
        i + 1 < segments.length ? segments[i + 1].column : line.length;
      if (segment.source >= 0)
        owned[segment.source] += Math.max(0, end - segment.column);
    });
  });
  return owned;
}

const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...indexHtml.matchAll(/static\/([^"']+\.js)/g)].map(m => m[1]),
);

const rows = [];
for (const file of readdirSync(staticDir).filter(f => f.endsWith('.js'))) {
  const mapFile = join(staticDir, `${file}.map`);
  if (!existsSync(mapFile)) continue;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  if (!map.sources.some(s => PLUGIN_SOURCE.test(s))) continue;
  const code = readFileSync(join(staticDir, file), 'utf8');
  const owned = bytesPerSource(code, map);
  const pluginBytes = map.sources.reduce(
    (sum, s, i) => (PLUGIN_SOURCE.test(s) ? sum + owned[i] : sum),
    0,
  );
  const pluginModules = map.sources
    .filter(s => PLUGIN_SOURCE.test(s))
    .map(s => s.replace(/^.*plugins\/flux\/src\//, ''));
  rows.push({
    file,
    loading: initial.has(file) ? 'initial' : 'lazy',
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code).length,
    pluginBytes,
    pluginModules,
  });
}

if (rows.length === 0) {
  console.error(
    `no chunk in ${staticDir} contains plugins/flux/src code: is @flux-portal/plugin-flux installed in packages/app?`,
  );
  process.exit(1);
}

const kb = n => `${(n / 1024).toFixed(1)} KiB`;
rows.sort(
  (a, b) => a.loading.localeCompare(b.loading) || b.pluginBytes - a.pluginBytes,
);
console.log('@flux-portal/plugin-flux in packages/app/dist/static');
console.log(
  [
    'chunk'.padEnd(34),
    'loading'.padEnd(8),
    'raw'.padStart(11),
    'gzip'.padStart(11),
    'flux code'.padStart(11),
    '  flux modules',
  ].join(' '),
);
for (const row of rows) {
  const modules =
    row.pluginModules.length > 4
      ? `${row.pluginModules.slice(0, 4).join(', ')} +${
          row.pluginModules.length - 4
        } more`
      : row.pluginModules.join(', ');
  console.log(
    [
      row.file.padEnd(34),
      row.loading.padEnd(8),
      kb(row.raw).padStart(11),
      kb(row.gzip).padStart(11),
      kb(row.pluginBytes).padStart(11),
      ` ${modules}`,
    ].join(' '),
  );
}
for (const loading of ['initial', 'lazy']) {
  const subset = rows.filter(r => r.loading === loading);
  const flux = subset.reduce((s, r) => s + r.pluginBytes, 0);
  console.log(
    `${loading}: ${subset.length} chunk(s), flux code ${kb(
      flux,
    )} (minified, by source map)`,
  );
}
