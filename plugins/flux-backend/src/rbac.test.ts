/*
 * The ClusterRoles the README gives (rbac/flux-portal-rbac.yaml) grant what
 * the backend does, and no more: list and watch of every kind it watches,
 * patch only on the kinds its actions patch, nothing on Secrets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  SOURCE_KINDS,
} from '@flux-portal/plugin-flux-common';
import { WATCHED_KINDS, watchedKind } from './clusters/watchedKinds';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const documents = parseAllDocuments(
  readFileSync(join(__dirname, '../rbac/flux-portal-rbac.yaml'), 'utf8'),
).map(d => d.toJSON());

function rulesOf(name: string): Rule[] {
  const role = documents.find(
    d => d.kind === 'ClusterRole' && d.metadata.name === name,
  );
  if (!role) throw new Error(`no ClusterRole ${name}`);
  return role.rules;
}

function verbsOn(rules: Rule[], group: string, plural: string): string[] {
  return rules
    .filter(r => r.apiGroups.includes(group) && r.resources.includes(plural))
    .flatMap(r => r.verbs);
}

describe('the RBAC the README gives', () => {
  it('lets the backend list and watch every kind it watches', () => {
    const read = rulesOf('flux-portal-read');
    for (const kind of WATCHED_KINDS) {
      expect({
        kind: kind.kind,
        verbs: verbsOn(read, kind.group, kind.plural),
      }).toEqual({
        kind: kind.kind,
        verbs: expect.arrayContaining(['list', 'watch']),
      });
    }
    // read only: no write verb, no Secrets
    expect(read.flatMap(r => r.verbs)).not.toContain('patch');
    expect(read.flatMap(r => r.resources)).not.toContain('secrets');
  });

  it('lets it patch only what its actions patch', () => {
    const act = rulesOf('flux-portal-act');
    const patched = [KUSTOMIZATION_KIND, HELM_RELEASE_KIND, ...SOURCE_KINDS];
    for (const name of patched) {
      const kind = watchedKind(name)!;
      expect(verbsOn(act, kind.group, kind.plural)).toEqual(['patch']);
    }
    const granted = act.flatMap(r => r.resources).sort();
    expect(granted).toEqual(
      patched.map(name => watchedKind(name)!.plural).sort(),
    );
    expect([...new Set(act.flatMap(r => r.verbs))]).toEqual(['patch']);
  });

  it('binds both roles to one service account', () => {
    const bindings = documents.filter(d => d.kind === 'ClusterRoleBinding');
    expect(bindings.map(b => b.roleRef.name).sort()).toEqual([
      'flux-portal-act',
      'flux-portal-read',
    ]);
    const account = documents.find(d => d.kind === 'ServiceAccount');
    for (const binding of bindings)
      expect(binding.subjects).toEqual([
        {
          kind: 'ServiceAccount',
          name: account.metadata.name,
          namespace: account.metadata.namespace,
        },
      ]);
  });
});
