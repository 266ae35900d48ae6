/**
 * GitHub/GitLab CODEOWNERS: the last matching pattern wins. Owners become
 * entity refs: `@org/team` → `group:default/team`, `@user` → `user:default/user`.
 */
import { defaultNamespaceRef } from './entityRefs';

export interface CodeownerRule {
  pattern: RegExp;
  owners: string[];
}

function globToRegExp(glob: string): RegExp {
  const anchored = glob.startsWith('/');
  let body = glob.replace(/^\//, '').replace(/\/$/, '/**');
  body = body
    .split('**')
    .map(part =>
      part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]'),
    )
    .join('.*');
  return new RegExp(`${anchored ? '^' : '(^|/)'}${body}(/.*)?$`);
}

function ownerRef(owner: string): string | undefined {
  if (!owner.startsWith('@')) return undefined; // e-mail owners have no catalog ref
  const name = owner.slice(1);
  return name.includes('/')
    ? defaultNamespaceRef('group', name.split('/').pop()!)
    : defaultNamespaceRef('user', name);
}

export function parseCodeowners(text: string): CodeownerRule[] {
  const rules: CodeownerRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line || line.startsWith('[')) continue;
    const [glob, ...owners] = line.split(/\s+/);
    const refs = owners.map(ownerRef).filter((o): o is string => !!o);
    rules.push({ pattern: globToRegExp(glob), owners: refs });
  }
  return rules;
}

/** The owner CODEOWNERS gives a repository path (a folder or file), if any. */
export function codeownerOf(
  rules: CodeownerRule[],
  path: string,
): string | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].pattern.test(path) || rules[i].pattern.test(`${path}/`)) {
      return rules[i].owners[0];
    }
  }
  return undefined;
}
