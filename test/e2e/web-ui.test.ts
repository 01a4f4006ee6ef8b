import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { teamWithAgent } from '../support/api-client';
import { AppProcess, ADMIN, startApi, startWorker, testEnv } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';

jest.setTimeout(120_000);

const PASSWORD = 'a-long-password-for-tests';

/** Lower-case letters only, so no detector mistakes it for a number, name or handle. */
function word(n = 10): string {
  return Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');
}

describe('web UI in a real browser (api + worker + Chromium)', () => {
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const env = testEnv();
    apiApp = await startApi(env);
    worker = await startWorker(env);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.kill();
    await apiApp?.kill();
  });

  /** A fresh page (own sessionStorage) that records script errors and CSP violations. */
  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
    });
    return { page, problems };
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(apiApp.url);
    await page.fill('#login-email', email);
    await page.fill('#login-password', password);
    await page.click('.login-form button[type=submit]');
  }

  async function openInbox(email: string): Promise<{ page: Page; problems: string[] }> {
    const { page, problems } = await newPage();
    await logIn(page, email, PASSWORD);
    await page.waitForSelector('#queue-list[aria-busy=false]', { state: 'attached' });
    await page.waitForSelector('#connection[data-state=live]');
    return { page, problems };
  }

  it('shows a readable error for a failed login', async () => {
    const { page, problems } = await newPage();
    await logIn(page, `nobody-${word(6)}@school.test`, 'definitely-not-the-password');
    const error = page.locator('#login-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/email or password is wrong/i);
    expect(await page.locator('#queue-list').count()).toBe(0);
    await page.screenshot({ path: '/tmp/webui-login.png' });
    expect(problems).toEqual([]);
  });

  it('shows a new case live, the original to the agent and a pseudonymized copy to the team lead', async () => {
    const agent = await teamWithAgent(apiApp.url, 'Admissions');
    const lead = await teamWithAgent(apiApp.url, 'Admissions', 'team_lead', agent.teamId);
    const marker = word(12);
    const email = `zz.unique.${word(8)}@example.nl`;
    const text = `Hoi, ik wil graag naar de open dag (${marker}). mijn mail is ${email}`;

    const { page, problems } = await openInbox(agent.email);
    expect(await page.locator('.tab[aria-selected=true]').textContent()).toBe('Open');
    // A marker on window survives only if the page is never reloaded.
    await page.evaluate('window.__noReload = true');

    const from = `3162${Math.floor(1e7 + Math.random() * 8e7)}`;
    const res = await postWebhook(apiApp.url, waTextWebhook([{ from, name: 'Fenna Jansen', text }]));
    expect(res.status).toBe(200);

    const item = page.locator('.case-item', { hasText: marker });
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.evaluate('window.__noReload === true')).toBe(true);
    expect(await item.locator('.badge').textContent()).toBe('WhatsApp');
    const caseId = (await item.getAttribute('data-case-id'))!;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

    await item.click();
    const view = page.locator(`.case-view[data-case-id="${caseId}"]`);
    await view.waitFor();
    expect(await view.getAttribute('data-view')).toBe('original');
    expect(await page.locator('#pseudo-banner').count()).toBe(0);
    const inbound = page.locator('.message-in .message-text').first();
    expect(await inbound.textContent()).toBe(text);
    expect(await page.locator('body').innerText()).toContain(email);
    expect(await page.getAttribute(`.case-item[data-case-id="${caseId}"]`, 'aria-current')).toBe('true');

    // The reply box answers with either the queued result or a friendly "not available yet".
    await page.fill('#reply-text', 'Dag! De open dag is op zaterdag 14 maart.');
    await page.click('.composer button[type=submit]');
    const feedback = page.locator('.composer-feedback');
    await feedback.waitFor({ state: 'visible' });
    expect(await feedback.textContent()).toMatch(/queued|not available yet/i);

    await page.screenshot({ path: '/tmp/webui.png' });
    await page.setViewportSize({ width: 800, height: 700 });
    await page.screenshot({ path: '/tmp/webui-800.png' });

    // The team lead of the same team sees the case, but only the pseudonymized copy.
    const { page: leadPage, problems: leadProblems } = await openInbox(lead.email);
    const leadItem = leadPage.locator(`.case-item[data-case-id="${caseId}"]`);
    await leadItem.waitFor({ state: 'visible' });
    await leadItem.click();
    const leadView = leadPage.locator(`.case-view[data-case-id="${caseId}"]`);
    await leadView.waitFor();
    expect(await leadView.getAttribute('data-view')).toBe('pseudonymized');
    expect(await leadPage.locator('#pseudo-banner').innerText()).toMatch(/Pseudonymized view/);
    expect(await leadPage.locator('.message-in .token').count()).toBeGreaterThan(0);
    expect(await leadPage.locator('.composer').count()).toBe(0);
    const leadText = await leadPage.locator('body').innerText();
    expect(leadText).not.toContain(email);
    expect(leadText).not.toContain('zz.unique');
    expect(leadText).toContain(marker);
    await leadPage.screenshot({ path: '/tmp/webui-lead.png' });

    expect(problems).toEqual([]);
    expect(leadProblems).toEqual([]);
  });

  it('refuses a BSN draft while typing, escalates, and shows the receiving team lead a pseudonymized note', async () => {
    const agent = await teamWithAgent(apiApp.url, 'Admissions');
    const otherTeam = `Finance ${word(6)}`;
    const lead = await teamWithAgent(apiApp.url, otherTeam, 'team_lead');
    const marker = word(12);
    const email = `zz.escalated.${word(8)}@example.nl`;
    const text = `Hoi, ik heb een vraag over mijn collegegeld (${marker}). Mail me op ${email}`;

    const { page, problems } = await openInbox(agent.email);
    const from = `3162${Math.floor(1e7 + Math.random() * 8e7)}`;
    expect(
      (await postWebhook(apiApp.url, waTextWebhook([{ from, name: 'Fenna Jansen', text }]))).status,
    ).toBe(200);
    const item = page.locator('.case-item', { hasText: marker });
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const caseId = (await item.getAttribute('data-case-id'))!;
    await item.click();
    await page.locator(`.case-view[data-case-id="${caseId}"]`).waitFor();

    // The dry run under the reply box explains the refusal while the agent types.
    await page.locator('#reply-text').pressSequentially('Kun je je BSN sturen?', { delay: 20 });
    const check = page.locator('#reply-check[data-state=refused]');
    await check.waitFor({ state: 'visible' });
    expect(await check.innerText()).toMatch(/BSN/);
    expect(await check.innerText()).toMatch(/Studielink|upload/i);

    // Escalate to the other team with a note that names the person's email.
    await page.locator('#escalate-team option', { hasText: otherTeam }).waitFor({ state: 'attached' });
    await page.selectOption('#escalate-team', { label: otherTeam });
    await page.fill(
      '#escalate-note',
      `Vraag over collegegeld (${marker}); mail staat in het gesprek: ${email}`,
    );
    await page.click('#escalate-submit');
    const escFeedback = page.locator('#escalate-feedback');
    await escFeedback.waitFor({ state: 'visible' });
    expect(await escFeedback.innerText()).toContain(`Escalated to ${otherTeam}`);

    // The team lead of the receiving team sees it under Escalations, pseudonymized.
    const { page: leadPage, problems: leadProblems } = await openInbox(lead.email);
    await leadPage.click('#nav-escalations');
    const escItem = leadPage.locator(`.esc-item[data-case-id="${caseId}"]`);
    await escItem.waitFor({ state: 'visible' });
    const note = escItem.locator('.esc-note');
    expect(await note.innerText()).toContain(marker);
    expect(await note.locator('.token').count()).toBeGreaterThan(0);
    expect(await note.locator('.token').first().textContent()).toMatch(/^\[[A-Z_]+_\d+\]$/);
    await escItem.locator('summary').click();
    const leadText = await leadPage.locator('body').innerText();
    expect(leadText).not.toContain(email);
    expect(leadText).not.toContain('zz.escalated');
    expect(await escItem.locator('textarea').count()).toBe(1);
    expect(await escItem.locator('.esc-consent').count()).toBe(1);
    await leadPage.screenshot({ path: '/tmp/webui-esc.png' });
    await page.screenshot({ path: '/tmp/webui-esc-agent.png' });

    expect(problems).toEqual([]);
    expect(leadProblems).toEqual([]);
  });

  it('shows other roles what they can do, without case content, and logs out', async () => {
    const { page, problems } = await newPage();
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.waitForSelector('#role-title');
    expect(await page.locator('#role-title').textContent()).toMatch(/Admin/);
    expect(await page.locator('#queue-list').count()).toBe(0);
    await page.click('#logout');
    await page.waitForSelector('#login-email');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(problems).toEqual([]);
  });
});
