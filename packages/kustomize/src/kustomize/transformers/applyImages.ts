import { isMap, JsonMap } from '../json';
import { ImageEntry } from '../kustomizationFile';
import { Resource } from '../Resource';

/** Splits "registry:5000/repo/name:tag@sha256:..." into name, tag and digest. */
export function splitImage(image: string): {
  name: string;
  tag: string;
  digest: string;
} {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag, digest };
}

/** Applies one `images` entry to an image reference, or returns it unchanged. */
export function updateImage(image: string, entry: ImageEntry): string {
  const parts = splitImage(image);
  if (parts.name !== entry.name) return image;
  const name = entry.newName ?? parts.name;
  if (entry.newTag !== undefined && entry.digest !== undefined)
    return `${name}:${entry.newTag}@${entry.digest}`;
  if (entry.newTag !== undefined) return `${name}:${entry.newTag}`;
  if (entry.digest !== undefined) return `${name}@${entry.digest}`;
  return `${name}${parts.tag ? `:${parts.tag}` : ''}${
    parts.digest ? `@${parts.digest}` : ''
  }`;
}

/**
 * The `images` field. Like kustomize's legacy image filter, every
 * `containers` / `initContainers` list anywhere in the object is updated,
 * plus image volumes (`volumes[].image.reference`) of pods and templates.
 */
export function applyImages(
  resources: readonly Resource[],
  images: ImageEntry[],
): void {
  if (images.length === 0) return;
  const update = (holder: JsonMap, key: string) => {
    const v = holder[key];
    if (typeof v !== 'string') return;
    let out = v;
    for (const entry of images) {
      // Entries apply one after another, as separate kustomize transformers.
      out = updateImage(out, entry);
    }
    holder[key] = out;
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isMap(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (
        (key === 'containers' || key === 'initContainers') &&
        Array.isArray(value)
      ) {
        for (const c of value) if (isMap(c)) update(c, 'image');
      }
      if (key === 'volumes' && Array.isArray(value)) {
        for (const vol of value)
          if (isMap(vol) && isMap(vol.image)) update(vol.image, 'reference');
      }
      if (value && typeof value === 'object') walk(value);
    }
  };
  for (const r of resources) walk(r.object);
}
