import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; flags that keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Script errors, console errors and CSP violations seen so far. */
  problems: string[];
  /** Gzipped bytes of every script the page loaded. */
  scriptBytes: () => number;
}

/** A fresh context (own storage) whose page records problems and the JavaScript it loads. */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  const scripts = new Map<string, number>();
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // An expected 4xx answer (wrong password, a route this API build lacks) is logged by the
    // browser itself as "Failed to load resource"; that is not a script error.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    if (msg.type() === 'error' || /Content Security Policy|Refused to/i.test(msg.text())) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    void res
      .body()
      .then((body) => scripts.set(res.url(), gzipSync(body, { level: 9 }).length))
      .catch(() => undefined);
  });
  return { page, context, problems, scriptBytes: () => [...scripts.values()].reduce((a, b) => a + b, 0) };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the current page: the serious and critical violations, as "rule: target" lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // evaluate() runs through DevTools, so the page's CSP (no inline scripts) does not block axe.
  await page.evaluate(AXE);
  // A string, not a function: this file compiles without the DOM library.
  const violations = await page.evaluate<{ id: string; impact: string; targets: string[] }[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })))
  `);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
}

const SCREENSHOTS = resolve(__dirname, '..', 'e2e', 'screenshots');

/** Saves test/e2e/screenshots/<name>.png (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
