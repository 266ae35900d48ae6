import { parse } from 'yaml';
import { EngineProblem } from '../problems';
import { FileTree, resolveTreePath } from '../tree';
import { MAX_ALIAS_COUNT } from '../yaml';
import { Kustomization, replacementOf } from './kustomizationFile';
import { Replacement } from './transformers/applyReplacements';
import { treeProblem } from './treeProblem';

/**
 * Resolves a kustomization's `replacements`: inline entries as they are,
 * `path:` entries read from their file (one replacement or a list of them),
 * each keeping the line of its kustomization entry for messages.
 */
export async function loadReplacements(
  tree: FileTree,
  k: Kustomization,
  problems: EngineProblem[],
): Promise<Array<{ value: Replacement; line: number }>> {
  const out: Array<{ value: Replacement; line: number }> = [];
  for (const { value, line } of k.replacements) {
    if (!('path' in value)) {
      out.push({ value, line });
      continue;
    }
    let parsed: unknown;
    try {
      const file = resolveTreePath(k.dir, value.path);
      parsed = parse((await tree.readFile(file)).toString('utf8'), {
        maxAliasCount: MAX_ALIAS_COUNT,
      });
    } catch (e) {
      problems.push(
        treeProblem(
          e,
          k.file,
          line,
          `replacements file '${value.path}'`,
          'replacement-failed',
        ),
      );
      continue;
    }
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
      const rep = replacementOf(item);
      if (rep && !('path' in rep)) out.push({ value: rep, line });
      else {
        problems.push({
          code: 'kustomization-invalid',
          severity: 'error',
          file: k.file,
          line,
          message: `replacements file '${value.path}' holds an unreadable replacement`,
        });
      }
    }
  }
  return out;
}
