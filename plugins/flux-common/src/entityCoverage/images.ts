/**
 * Container image references and the comparison behind "latest image vs
 * deployed image": an ImagePolicy selects the latest image of an
 * ImageRepository (`status.latestRef` since image.toolkit.fluxcd.io
 * v1beta2, `status.latestImage` before); a workload runs the image in its
 * pod template. Repositories are compared normalised the way Docker does
 * (`nginx` is `docker.io/library/nginx`, `index.docker.io` is `docker.io`).
 *
 * | deployed vs latest                         | comparison |
 * | ------------------------------------------ | ---------- |
 * | another repository, or either unparseable  | `unknown`  |
 * | both have digests: equal / different       | `current` / `outdated` |
 * | both have tags: equal / different          | `current` / `outdated` |
 * | one only has a digest, the other a tag     | `unknown`  |
 */

/** @public */
export interface ImageReference {
  /** Normalised `registry/path`, lower case, e.g. `docker.io/library/nginx`. */
  repository: string;
  tag?: string;
  /** e.g. `sha256:…` */
  digest?: string;
}

/** @public */
export type ImageComparison = 'current' | 'outdated' | 'unknown';

const DEFAULT_REGISTRY = 'docker.io';

/** Parses `registry/path:tag@digest`; undefined for an empty or malformed reference. @public */
export function parseImageReference(
  image: string | undefined,
): ImageReference | undefined {
  const raw = image?.trim();
  if (!raw || /\s/.test(raw)) return undefined;
  const at = raw.indexOf('@');
  const digest = at >= 0 ? raw.slice(at + 1) : undefined;
  let name = at >= 0 ? raw.slice(0, at) : raw;
  if (digest !== undefined && !/^[a-z0-9]+:[0-9a-fA-F]{32,}$/.test(digest))
    return undefined;
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  if (!name || name.startsWith('/') || name.endsWith('/')) return undefined;
  const parts = name.split('/');
  let registry = DEFAULT_REGISTRY;
  if (
    parts.length > 1 &&
    (parts[0].includes('.') ||
      parts[0].includes(':') ||
      parts[0] === 'localhost')
  ) {
    registry = parts.shift()!;
  }
  if (registry === 'index.docker.io') registry = DEFAULT_REGISTRY;
  if (registry === DEFAULT_REGISTRY && parts.length === 1)
    parts.unshift('library');
  return {
    repository: `${registry}/${parts.join('/')}`.toLowerCase(),
    ...(tag ? { tag } : {}),
    ...(digest ? { digest: digest.toLowerCase() } : {}),
  };
}

/** Whether two references name the same repository (tags and digests aside). @public */
export function sameImageRepository(a: string, b: string): boolean {
  const pa = parseImageReference(a);
  const pb = parseImageReference(b);
  return !!pa && !!pb && pa.repository === pb.repository;
}

/** Whether the deployed image is the latest one (see the module comment). @public */
export function compareImages(
  latest: string,
  deployed: string,
): ImageComparison {
  const l = parseImageReference(latest);
  const d = parseImageReference(deployed);
  if (!l || !d || l.repository !== d.repository) return 'unknown';
  if (l.digest && d.digest)
    return l.digest === d.digest ? 'current' : 'outdated';
  if (l.tag && d.tag) return l.tag === d.tag ? 'current' : 'outdated';
  return 'unknown';
}

/** The worst of several comparisons: outdated, then unknown, then current. @public */
export function worstImageComparison(
  comparisons: readonly ImageComparison[],
): ImageComparison {
  if (comparisons.includes('outdated')) return 'outdated';
  if (comparisons.length === 0 || comparisons.includes('unknown'))
    return 'unknown';
  return 'current';
}

/** The status fields of an ImagePolicy that name its latest image. @public */
export interface ImagePolicyStatus {
  status?: {
    latestRef?: { name?: string; tag?: string; digest?: string } | null;
    latestImage?: string;
  } | null;
}

/** The image an ImagePolicy selected (`latestRef`, else the older `latestImage`), if any. @public */
export function latestImageOf(policy: ImagePolicyStatus): string | undefined {
  const ref = policy.status?.latestRef;
  if (ref?.name && (ref.tag || ref.digest)) {
    return `${ref.name}${ref.tag ? `:${ref.tag}` : ''}${
      ref.digest ? `@${ref.digest}` : ''
    }`;
  }
  const latest = policy.status?.latestImage;
  return typeof latest === 'string' && latest ? latest : undefined;
}
