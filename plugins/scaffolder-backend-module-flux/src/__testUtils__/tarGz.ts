import { gzipSync } from 'node:zlib';

function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function entry(name: string, data: Buffer, type: string): Buffer[] {
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return [header(name, data.length, type), data, padding];
}

/**
 * A gzipped tar of `files` under one top-level folder, the way forges serve
 * repository archives; long paths use a pax header like `git archive` does.
 */
export function writeTarGz(top: string, files: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  for (const [file, text] of Object.entries(files).sort()) {
    const name = `${top}/${file}`;
    if (Buffer.byteLength(name) > 99) {
      const record = ` path=${name}\n`;
      let length = record.length + 2;
      while (`${length}${record}`.length !== length) length++;
      parts.push(...entry('pax', Buffer.from(`${length}${record}`), 'x'));
    }
    parts.push(...entry(name.slice(0, 99), Buffer.from(text), '0'));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
