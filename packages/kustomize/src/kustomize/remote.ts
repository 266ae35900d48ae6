/**
 * Does a `resources`/`components` entry name a remote target (URL, git
 * repository, registry shorthand)? Those are never fetched.
 * @public
 */
export function isRemoteReference(ref: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) ||
    /^git@/.test(ref) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)[/:]/.test(ref) ||
    /[?&](ref|version|timeout|submodules)=/.test(ref) ||
    /\.git(\/\/|\?|$)/.test(ref)
  );
}
