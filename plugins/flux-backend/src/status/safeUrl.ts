/** A source URL without user info or query (tokens sometimes live there). */
export function safeUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString();
  } catch {
    // scp-like git URLs (git@host:org/repo) carry no secret but the user name
    return raw.replace(/^[^@/]+@/, '');
  }
}
