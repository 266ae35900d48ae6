/*
 * axe-core in the page: the WCAG 2.1 A/AA violations of the elements a
 * test owns (the portal chrome around them is Backstage's, not ours).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './portal.mjs';

// axe-core is a devDependency of packages/app (the root package.json is not ours to edit).
const axePath = createRequire(
  join(repoRoot, 'packages/app/package.json'),
).resolve('axe-core/axe.min.js');

/** Violations inside the elements matching `selector`, serious and critical ones in `severe`. */
export async function axeViolations(page, selector) {
  // Evaluated rather than added as a <script>: the portal's CSP forbids inline scripts.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  const violations = await page.evaluate(async include => {
    // eslint-disable-next-line no-undef
    const result = await window.axe.run(
      { include: [[include]] },
      {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
        },
      },
    );
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(n =>
        `${n.target.join(' ')}: ${n.failureSummary}`.slice(0, 300),
      ),
    }));
  }, selector);
  const severe = violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
  return { violations, severe };
}
