/**
 * How a Flux revision is shown: a short SHA for Git revisions, the chart
 * version for Helm charts, and a link to the commit when the source is on a
 * Git host whose commit URLs we know.
 */
import { parseRevision } from '@flux-portal/plugin-flux-common';

/** The short form people recognise: `main@1a2b3c4`, `6.6.1`, `sha256:1a2b3c4d`. @public */
export function shortRevision(revision: string | undefined): string {
  if (!revision) return '—';
  const parsed = parseRevision(revision);
  if (!parsed.digest) return parsed.ref ?? revision;
  // Chart versions carry an OCI digest as build metadata: the version is what matters.
  if (!parsed.algorithm) return parsed.ref ?? revision;
  const short =
    parsed.algorithm === 'sha1'
      ? parsed.digest.slice(0, 7)
      : `${parsed.algorithm}:${parsed.digest.slice(0, 8)}`;
  return parsed.ref ? `${parsed.ref}@${short}` : short;
}

/** `https://host/owner/repo` from the URL forms Flux GitRepositories use; undefined otherwise. */
function repoWebUrl(
  sourceUrl: string,
): { host: string; url: string } | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(sourceUrl);
  if (scp) return { host: scp[1], url: `https://${scp[1]}/${scp[2]}` };
  let parsed: URL;
  try {
    parsed = new URL(sourceUrl);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:'].includes(parsed.protocol)) return undefined;
  const path = parsed.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '');
  if (!path || path === '/') return undefined;
  return { host: parsed.hostname, url: `https://${parsed.hostname}${path}` };
}

/**
 * The commit page of a Git revision on GitHub, GitLab or Bitbucket
 * (hosted or self-hosted with the product's name in the host name).
 * @public
 */
export function commitUrl(
  sourceUrl: string | undefined,
  revision: string | undefined,
): string | undefined {
  if (!sourceUrl || !revision) return undefined;
  const parsed = parseRevision(revision);
  if (parsed.algorithm !== 'sha1' || !parsed.digest) return undefined;
  const repo = repoWebUrl(sourceUrl);
  if (!repo) return undefined;
  const host = repo.host.toLocaleLowerCase('en-US');
  if (host.includes('github')) return `${repo.url}/commit/${parsed.digest}`;
  if (host.includes('gitlab')) return `${repo.url}/-/commit/${parsed.digest}`;
  if (host.includes('bitbucket')) return `${repo.url}/commits/${parsed.digest}`;
  return undefined;
}
