import { api, login, USER_PASSWORD } from '../support/api-client';
import { screenshot } from '../support/browser';
import { accept } from '../support/graph-stand-in';
import { ADMIN, AppProcess, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { phone, word } from '../support/sample-values';
import { webUiHarness } from '../support/web-ui-e2e';

jest.setTimeout(180_000);

const PASSWORD = USER_PASSWORD;
const JS_BUDGET_BYTES = 250 * 1024;

/** Set-up in test/support/web-ui-e2e.ts. */
describe('web app in a real browser (api + worker + Chromium), per role', () => {
  const h = webUiHarness();
  const { graph, open, makeUser, logIn, noSeriousViolations } = h;
  let apiApp: AppProcess & { url: string };
  let adminToken: string;
  beforeAll(() => {
    ({ apiApp, adminToken } = h);
  });


  it('serves the shell uncached with a CSP without unsafe-inline, and hashed assets immutably', async () => {
    const shell = await fetch(`${apiApp.url}/inbox`, { headers: { accept: 'text/html' } });
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-store');
    const csp = shell.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await shell.text();
    const asset = /\/_app\/immutable\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const js = await fetch(`${apiApp.url}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    // Only Swagger UI's own pages may use inline styles.
    const docs = await fetch(`${apiApp.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toMatch(/style-src 'self' 'unsafe-inline'/);
    // API routes stay JSON, even for a browser asking for HTML.
    const missing = await fetch(`${apiApp.url}/api/nope`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });

  it('speaks Dutch first, switches to English, and explains a failed login', async () => {
    const { page, problems, scriptBytes } = await open();
    await logIn(page, `nobody-${word(6)}@school.test`, 'definitely-not-the-password');
    const error = page.locator('#login-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe('E-mailadres of wachtwoord klopt niet.');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.selectOption('#locale', 'en');
    await page.fill('#login-password', 'still-not-the-password');
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('#login-error:has-text("Email or password is wrong")');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await noSeriousViolations(page);
    await screenshot(page, 'login');
    // The whole first load, socket.io included, within the budget.
    const bytes = scriptBytes();
    process.stdout.write(`web first-load JavaScript: ${(bytes / 1024).toFixed(1)} KiB gzipped\n`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(problems).toEqual([]);
  });

  it('agent: sees a case arrive live, is refused a BSN question while typing, replies through the channel', async () => {
    const agent = await makeUser('agent', { name: 'Admissions' });
    const marker = word(12);
    const email = `zz.unique.${word(8)}@example.nl`;
    const text = `Hoi, ik wil graag naar de open dag (${marker}). mijn mail is ${email}`;
    const { page, problems } = await open();
    await logIn(page, agent.email);
    await page.waitForURL(/\/inbox$/);
    await page.waitForSelector('#connection[data-state=live]');
    await page.evaluate('window.__noReload = true');

    expect((await postWebhook(apiApp.url, waTextWebhook([{ from: phone(), name: 'Fenna Jansen', text }]))).status).toBe(200);
    const item = page.locator('.case-item', { hasText: marker });
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.evaluate('window.__noReload === true')).toBe(true);
    expect(await item.locator('.badge').textContent()).toBe('WhatsApp');
    const caseId = (await item.getAttribute('data-case-id'))!;

    // Keyboard: focus the item and open it with Enter.
    await item.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/inbox/${caseId}$`));
    const view = page.locator(`.case-view[data-case-id="${caseId}"]`);
    await view.waitFor();
    expect(await view.getAttribute('data-view')).toBe('original');
    expect(await page.locator('.message-in .message-text').first().textContent()).toBe(text);
    expect(await page.locator('#window-state').getAttribute('data-open')).toBe('true');

    await page.keyboard.press('r');
    await page.keyboard.type('Kun je je BSN sturen?', { delay: 15 });
    const check = page.locator('#reply-check[data-state=refused]');
    await check.waitFor({ state: 'visible' });
    expect(await check.innerText()).toMatch(/BSN/);
    await screenshot(page, 'agent-refusal');

    const sentBefore = graph.requests.length;
    graph.behaviour = accept;
    await page.fill('#reply-text', 'Dag! De open dag is op zaterdag 14 maart.');
    await page.keyboard.press('Control+Enter');
    await page.locator('.composer-feedback.ok').waitFor();
    expect(await page.locator('.composer-feedback').innerText()).toMatch(/klaar om te versturen/);
    await waitFor(() => graph.requests.slice(sentBefore).some((r) => JSON.stringify(r.body).includes('zaterdag 14 maart')), 30_000);
    await noSeriousViolations(page);
    await screenshot(page, 'agent-inbox');
    await page.setViewportSize({ width: 800, height: 700 });
    await screenshot(page, 'agent-inbox-800');
    expect(problems).toEqual([]);

    // The team lead of the same team opens the case too, and sees only the pseudonymized copy.
    const lead = await makeUser('team_lead', { id: agent.teamId! });
    const leadPage = await open();
    await logIn(leadPage.page, lead.email);
    await leadPage.page.waitForURL(/\/escalations$/);
    await leadPage.page.click('#nav-inbox');
    await leadPage.page.selectOption('#filter-channel', 'whatsapp');
    await leadPage.page.click('#tab-all');
    await leadPage.page.locator(`.case-item[data-case-id="${caseId}"]`).click();
    const leadView = leadPage.page.locator(`.case-view[data-case-id="${caseId}"]`);
    await leadView.waitFor();
    expect(await leadView.getAttribute('data-view')).toBe('pseudonymized');
    await leadPage.page.locator('#pseudo-banner').waitFor();
    expect(await leadPage.page.locator('.message-in mark.token').count()).toBeGreaterThan(0);
    expect(await leadPage.page.locator('.composer').count()).toBe(0);
    const leadText = await leadPage.page.locator('body').innerText();
    expect(leadText).not.toContain(email);
    expect(leadText).toContain(marker);
    await noSeriousViolations(leadPage.page);
    await screenshot(leadPage.page, 'team-lead-case');
    expect(leadPage.problems).toEqual([]);
  });

  // Budget: first rows < 100 ms after the response, no long task (> 50 ms) while scrolling. The
  // guards below are twice that, so a CI machine shared with other jobs does not fail the suite;
  // the printed numbers are what the README reports.
  it('agent: a queue of 10,000 cases renders its first rows fast and scrolls without long tasks', async () => {
    const agent = await makeUser('agent', { name: 'Admissions' });
    const { page, problems } = await open();
    // 10,000 synthetic queue rows (ids and previews only) in one answer: this measures the
    // browser's rendering, not the API's paging.
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      channel: ['whatsapp', 'facebook', 'linkedin'][i % 3],
      status: 'open',
      teamId: agent.teamId,
      assigneeId: null,
      lastMessageAt: new Date(Date.now() - i * 60_000).toISOString(),
      preview: `Vraag ${i} over de open dag van [PERSON_1]`,
    }));
    const body = JSON.stringify({ items, nextCursor: null });
    await page.route(/\/api\/cases\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    // Strings, not functions: this file compiles without the DOM library.
    await page.addInitScript(`
      window.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e)))
        .observe({ type: 'longtask', buffered: true });
      new MutationObserver((_, obs) => {
        if (document.querySelector('.case-item')) { window.__firstRow = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    `);
    await logIn(page, agent.email);
    await page.waitForSelector('.case-item');
    const renderMs = await page.evaluate<number>(`
      window.__firstRow - performance.getEntriesByType('resource').filter((e) => /\\/api\\/cases\\?/.test(e.name))[0].responseEnd
    `);
    const scrollStart = await page.evaluate<number>('performance.now()');
    await page.evaluate(`(async () => {
      const scroller = document.querySelector('.queue-scroll');
      for (let i = 0; i < 120; i++) {
        scroller.scrollTop += 700;
        await new Promise((r) => requestAnimationFrame(r));
      }
    })()`);
    const rendered = await page.locator('.case-item').count();
    // Long tasks that started once scrolling began (the initial render's are reported late).
    const longTasks = await page.evaluate<number[]>(
      `window.__longTasks.filter((e) => e.startTime >= ${scrollStart}).map((e) => e.duration)`,
    );
    process.stdout.write(`web queue of 10,000: first rows ${renderMs.toFixed(1)} ms after the response; ${rendered} rows in the DOM; long tasks while scrolling: [${longTasks.map((d) => d.toFixed(0)).join(', ')}]\n`);
    expect(renderMs).toBeGreaterThan(0);
    expect(renderMs).toBeLessThan(200);
    expect(rendered).toBeLessThan(60);
    expect(longTasks.filter((d) => d > 100)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('agent escalates with the hand-over preview; the receiving team lead sees tokens and no planted identifier', async () => {
    const agent = await makeUser('agent', { name: 'Admissions' });
    const otherTeam = `Finance ${word(6)}`;
    const lead = await makeUser('team_lead', { name: otherTeam });
    const marker = word(12);
    const email = `zz.escalated.${word(8)}@example.nl`;
    const text = `Hoi, ik heb een vraag over mijn collegegeld (${marker}). Mail me op ${email}`;
    const { page, problems } = await open();
    await logIn(page, agent.email);
    await page.waitForSelector('#connection[data-state=live]');
    expect((await postWebhook(apiApp.url, waTextWebhook([{ from: phone(), name: 'Fenna Jansen', text }]))).status).toBe(200);
    const item = page.locator('.case-item', { hasText: marker });
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const caseId = (await item.getAttribute('data-case-id'))!;
    await item.click();
    await page.locator(`.case-view[data-case-id="${caseId}"]`).waitFor();

    await page.locator('.case-title').focus();
    await page.keyboard.press('e');
    await page.locator('#escalate-team option', { hasText: otherTeam }).waitFor({ state: 'attached' });
    await page.selectOption('#escalate-team', { label: otherTeam });
    // The preview shows what the team will see, or says this API build has none.
    await page.waitForSelector('#preview-messages, #preview-unavailable');
    if (await page.locator('#preview-messages').count()) {
      const preview = await page.locator('#preview-messages').innerText();
      expect(preview).toContain(marker);
      expect(preview).not.toContain(email);
    }
    await page.fill('#escalate-note', `Vraag over collegegeld (${marker}); mail staat in het gesprek: ${email}`);
    await screenshot(page, 'agent-escalate');
    await page.click('#escalate-submit');
    await page.waitForSelector(`#escalate-feedback:has-text("${otherTeam}")`);
    expect(problems).toEqual([]);

    const leadPage = await open();
    await logIn(leadPage.page, lead.email);
    await leadPage.page.waitForURL(/\/escalations$/);
    const escItem = leadPage.page.locator(`.esc-item[data-case-id="${caseId}"]`);
    await escItem.waitFor({ state: 'visible' });
    const note = escItem.locator('.esc-note');
    expect(await note.innerText()).toContain(marker);
    const chip = note.locator('mark.token').first();
    expect(await chip.textContent()).toMatch(/^\[[A-Z_]+_\d+\]$/);
    await escItem.locator('summary').click();
    const everything = await leadPage.page.locator('body').innerText();
    expect(everything).not.toContain(email);
    expect(everything).not.toContain('zz.escalated');
    expect(await leadPage.page.content()).not.toContain(email);
    await noSeriousViolations(leadPage.page);
    await screenshot(leadPage.page, 'team-lead-escalations');
    expect(leadPage.problems).toEqual([]);
  });

  it('manager: sees the weekly trends with suppressed cells as "<10", never 0', async () => {
    const { email } = await makeUser('manager');
    const { page, problems } = await open();
    await logIn(page, email);
    await page.waitForURL(/\/reports$/);
    expect(await page.locator('.role-nav a').allTextContents()).toEqual(['Rapportages']);
    // A route the API lacks answers 404 to anyone; one it has answers the admin 403.
    const probe = await api(apiApp.url, adminToken, 'GET', '/api/reports/trends?from=2026-01-05&to=2026-01-11&groupBy=week');
    if (probe.status === 404) {
      // This API build has no reports yet: the page says so instead of failing.
      await page.waitForSelector('text=Rapportages zijn in deze versie van de API nog niet beschikbaar.');
    } else {
      // The page shows what the API answers for the same range: every suppressed cell as "<10".
      const managerToken = await login(apiApp.url, email, PASSWORD);
      const from = await page.inputValue('#report-from');
      const to = await page.inputValue('#report-to');
      const report = await api<{ minCell: number; rows: { suppressed?: boolean }[] }>(
        apiApp.url,
        managerToken,
        'GET',
        `/api/reports/trends?from=${from}&to=${to}&groupBy=week,channel,topic`,
      );
      expect(report.status).toBe(200);
      if (report.body.rows.length) {
        await page.waitForSelector('#trends-chart svg');
        const cells = await page.locator('#trends-table .suppressed').allInnerTexts();
        expect(cells).toHaveLength(report.body.rows.filter((r) => r.suppressed).length);
        for (const c of cells) expect(c).toContain(`<${report.body.minCell}`);
      } else {
        await page.waitForSelector('text=Geen gesprekken in deze weken.');
      }
    }
    await noSeriousViolations(page);
    await screenshot(page, 'manager-reports');
    expect(problems).toEqual([]);
  });

  it('privacy officer: verifies the audit chain and exports a data subject', async () => {
    const from = phone();
    const marker = word(10);
    expect((await postWebhook(apiApp.url, waTextWebhook([{ from, name: 'Fenna Jansen', text: `Vraag ${marker}` }]))).status).toBe(200);
    const { email } = await makeUser('privacy_officer');
    const { page, problems } = await open();
    await logIn(page, email);
    await page.waitForURL(/\/privacy$/);
    await page.click('#audit-verify');
    await page.waitForSelector('#audit-result.ok');
    expect(await page.locator('#audit-result').innerText()).toMatch(/De keten is intact: \d+ gebeurtenissen/);

    await page.selectOption('#subject-channel', 'whatsapp');
    await page.fill('#subject-id', from);
    await waitFor(async () => {
      await page.click('#subject-export');
      await page.waitForSelector('#subject-feedback.ok, #subject-feedback.error');
      return (await page.locator('#subject-export-result').count()) > 0 && (await page.locator('.json').innerText()).includes(marker);
    }, 30_000);
    await noSeriousViolations(page);
    await screenshot(page, 'privacy-officer');
    expect(problems).toEqual([]);
  });

  it('admin: lists users, deactivates one, rotates a page secret and sets its human agent tag', async () => {
    const target = await makeUser('agent', { name: 'Admissions' });
    const targetToken = await login(apiApp.url, target.email, PASSWORD);
    const fbPage = await api<{ id: string }>(apiApp.url, adminToken, 'POST', '/api/channel-accounts', {
      channel: 'facebook',
      externalId: `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      name: `Pagina ${word(6)}`,
      teamId: target.teamId,
      appSecret: 'an-app-secret-for-tests',
      verifyToken: 'a-verify-token-for-tests',
      accessToken: 'an-access-token-for-tests',
    });
    expect(fbPage.status).toBe(201);
    const { page, problems } = await open();
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/admin$/);
    const row = page.locator(`#users-table tr[data-user-id="${target.userId}"]`);
    await row.waitFor();
    expect(await page.locator('#users-table tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('.case-item').count()).toBe(0);
    await row.locator('.user-toggle').click();
    await page.waitForSelector('#users-feedback.ok, #users-feedback.error');
    if (await page.locator('#users-feedback.ok').count()) {
      await row.locator('.status-closed').waitFor();
      await waitFor(async () => (await api(apiApp.url, targetToken, 'GET', '/api/teams')).status === 401, 5000);
    } else {
      expect(await page.locator('#users-feedback').innerText()).toMatch(/nog niet/);
    }

    const manage = page.locator(`details.account-settings[data-account-id="${fbPage.body.id}"]`);
    await manage.locator('summary').click();
    await manage.locator('.rotate-form input').last().fill('a-new-access-token-for-tests');
    await manage.locator('.rotate-form button[type=submit]').click();
    await manage.locator('.rotate-form .feedback.ok').waitFor();
    expect(await page.content()).not.toContain('a-new-access-token-for-tests');
    await manage.locator('input[type=checkbox]').check();
    await manage.locator('.human-agent .feedback.ok').waitFor();
    const accounts = await api<{ items: { id: string; settings: { humanAgentTag?: boolean } }[] }>(apiApp.url, adminToken, 'GET', '/api/channel-accounts');
    expect(accounts.body.items.find((a) => a.id === fbPage.body.id)?.settings.humanAgentTag).toBe(true);
    await noSeriousViolations(page);
    await screenshot(page, 'admin');

    await page.click('#logout');
    await page.waitForSelector('#login-email');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(problems).toEqual([]);
  });
});
