/**
 * Checks spec.dependsOn between Flux objects of one kind: every dependency
 * must exist (else Flux waits forever) and the graph must be acyclic (else
 * none of the objects on the cycle ever becomes ready).
 */
import type { EngineProblem } from '@flux-portal/kustomize';
import type { Origin } from './readFluxObjects';

/** @public */
export interface DependencyNode {
  /** 'namespace/name' */
  key: string;
  dependsOn: string[];
  origin: Origin;
}

/** @public */
export function checkDependsOn(
  kind: string,
  nodes: DependencyNode[],
): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const byKey = new Map(nodes.map(n => [n.key, n]));
  for (const node of nodes) {
    for (const dep of node.dependsOn) {
      if (!byKey.has(dep)) {
        problems.push({
          code: 'depends-on-missing',
          severity: 'warning',
          file: node.origin.file,
          line: node.origin.line,
          message: `${kind} ${node.key} depends on ${kind} ${dep}, which is not in the repository`,
        });
      }
    }
  }

  // Iterative DFS with colours; each cycle is reported once, at the node
  // where it closes, listing the path.
  const state = new Map<string, 'active' | 'done'>();
  const reported = new Set<string>();
  for (const start of nodes) {
    if (state.has(start.key)) continue;
    const stack: Array<{ node: DependencyNode; next: number }> = [
      { node: start, next: 0 },
    ];
    const path: string[] = [start.key];
    state.set(start.key, 'active');
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next >= top.node.dependsOn.length) {
        state.set(top.node.key, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const dep = top.node.dependsOn[top.next++];
      const target = byKey.get(dep);
      if (!target) continue;
      const seen = state.get(dep);
      if (seen === 'active') {
        const cycle = [...path.slice(path.indexOf(dep)), dep];
        const id = [...cycle.slice(0, -1)].sort().join(',');
        if (!reported.has(id)) {
          reported.add(id);
          problems.push({
            code: 'depends-on-cycle',
            severity: 'error',
            file: top.node.origin.file,
            line: top.node.origin.line,
            message: `${kind} dependsOn cycle: ${cycle.join(' -> ')}`,
          });
        }
      } else if (!seen) {
        state.set(dep, 'active');
        stack.push({ node: target, next: 0 });
        path.push(dep);
      }
    }
  }
  return problems;
}
