import { stringify } from 'yaml';

/**
 * The one YAML style of the monorepo: two-space indent, block sequences
 * flush with their key (as `flux bootstrap` and kustomize write them), no
 * line folding. Every generator goes through here so files stay uniform.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { indentSeq: false, lineWidth: 0 });
}

/** Several objects as one multi-document file. */
export function toYamlDocuments(values: unknown[]): string {
  return values.map(v => `---\n${toYaml(v)}`).join('');
}

/** Prefixes a rendered YAML text with `# ` comment lines. */
export function withComment(comment: string, text: string): string {
  const lines = comment.split('\n').map(line => (line ? `# ${line}` : '#'));
  return `${lines.join('\n')}\n${text}`;
}
