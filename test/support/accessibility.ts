/**
 * axe-core checks for end-to-end tests: the serious and critical findings on the page as it is now.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './web-app';

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/** One line per serious or critical axe-core finding; an empty list when the page is fine. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through DevTools, so the page's strict CSP does not need loosening for the test.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const run = page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  // page.evaluate has no time limit of its own: a page that never lets axe finish is a failure to see.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('axe-core did not finish within 30 s')), 30_000);
  });
  const violations = await Promise.race([run, stuck]).finally(() => clearTimeout(timer));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
