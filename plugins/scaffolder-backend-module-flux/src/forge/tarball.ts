import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** `path` record of a pax extended header, if any. */
function paxPath(data: Buffer): string | undefined {
  let rest = data.toString('utf8');
  while (rest.length) {
    const space = rest.indexOf(' ');
    const length = Number(rest.slice(0, space));
    if (!length) return undefined;
    const record = rest.slice(space + 1, length - 1);
    rest = rest.slice(length);
    if (record.startsWith('path=')) return record.slice(5);
  }
  return undefined;
}

/**
 * Regular files of a gzipped tar archive as forges serve them (GitHub
 * `tarball`, GitLab `archive.tar.gz`): path → content, with the single
 * top-level folder the forges add stripped. Understands ustar prefixes, pax
 * and GNU long names; ignores links and pax global headers (the commit id).
 */
export function readTarGz(archive: Buffer): Record<string, Buffer> {
  const tar = gunzipSync(archive);
  const files: Record<string, Buffer> = {};
  let longName: string | undefined;
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every(b => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const data = tar.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    if (type === 'L') {
      longName = field(data, 0, data.length);
      continue;
    }
    const prefix = field(header, 345, 155);
    const name =
      longName ??
      (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if (type !== '0' && type !== '7') continue;
    const slash = name.indexOf('/');
    if (slash < 0) continue;
    files[name.slice(slash + 1)] = Buffer.from(data);
  }
  return files;
}
