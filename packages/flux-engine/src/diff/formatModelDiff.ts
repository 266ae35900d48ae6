/**
 * A model diff as text for a terminal or Markdown for a pull request: the
 * same words in `flux-portal diff` and in the scaffolder's dry run and
 * pull request description.
 */
import { isEmptyDiff, type ModelDiff } from './diffModels';

const objectLabel = (
  o: ModelDiff['kustomizations'][number]['objects'][number],
) =>
  `${o.apiVersion} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

function statusLine(
  k: ModelDiff['kustomizations'][number],
): string | undefined {
  if (!k.status) return undefined;
  const reason = k.status.reason ? ` (${k.status.reason})` : '';
  return `status ${k.status.before ?? '-'} → ${k.status.after ?? '-'}${reason}`;
}

function summary(diff: ModelDiff, base: string): string {
  return isEmptyDiff(diff)
    ? `No differences from ${base}.`
    : `${diff.kustomizations.length} Kustomization(s) and ${diff.helmReleases.length} HelmRelease(s) differ from ${base}.`;
}

function formatText(diff: ModelDiff, base: string): string {
  const out: string[] = [];
  for (const k of diff.kustomizations) {
    out.push(
      `Kustomization ${k.kustomization} [cluster ${k.cluster}]: ${k.change}`,
    );
    const status = statusLine(k);
    if (status) out.push(`  ${status}`);
    for (const o of k.objects)
      out.push(`  ${o.change.padEnd(8)} ${objectLabel(o)}`);
    for (const o of k.objects) out.push(o.diff.trimEnd());
    out.push('');
  }
  for (const h of diff.helmReleases) {
    out.push(
      `HelmRelease ${h.namespace}/${h.name} [cluster ${h.cluster}]: ${h.change}`,
    );
    if (h.chart)
      out.push(`  chart ${h.chart.before ?? '-'} → ${h.chart.after ?? '-'}`);
    if (h.values) out.push(h.values.trimEnd());
    out.push('');
  }
  out.push(summary(diff, base));
  return `${out.join('\n')}\n`;
}

function formatMarkdown(diff: ModelDiff, base: string): string {
  const out = [
    `### Flux changes against \`${base}\``,
    '',
    summary(diff, base),
    '',
  ];
  const fence = (text: string) => ['```diff', text.trimEnd(), '```'];
  for (const k of diff.kustomizations) {
    const status = statusLine(k);
    out.push(
      `#### Kustomization \`${k.kustomization}\` (cluster \`${k.cluster}\`): ${
        k.change
      }${status ? ` — ${status}` : ''}`,
      '',
    );
    if (k.objects.length) {
      out.push('| change | object |', '| --- | --- |');
      for (const o of k.objects)
        out.push(`| ${o.change} | \`${objectLabel(o)}\` |`);
      out.push('', '<details><summary>rendered YAML diff</summary>', '');
      for (const o of k.objects) out.push(...fence(o.diff));
      out.push('', '</details>');
    }
    out.push('');
  }
  for (const h of diff.helmReleases) {
    out.push(
      `#### HelmRelease \`${h.namespace}/${h.name}\` (cluster \`${h.cluster}\`): ${h.change}`,
      '',
    );
    if (h.chart)
      out.push(`chart ${h.chart.before ?? '-'} → ${h.chart.after ?? '-'}`, '');
    if (h.values) out.push(...fence(h.values), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** `base` names what the diff is against (a revision, a folder, a branch). @public */
export function formatModelDiff(
  diff: ModelDiff,
  base: string,
  format: 'text' | 'markdown',
): string {
  return format === 'markdown'
    ? formatMarkdown(diff, base)
    : formatText(diff, base);
}
