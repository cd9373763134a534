import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, screenshot, startServer } from './harness';

// The organisation directory: a forgiving search, then one organisation with its identifiers and partners.
describe('organisation directory in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      console.error(`Screenshot: ${await screenshot(page, `failed-${ctx.task.name}`)}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds the DLR with a loosely worded search', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Organisationen', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Organisationen', level: 1 }).waitFor();
    await page.getByText(/^[\d.]+ Organisationen?$/).waitFor();

    await page.getByLabel('Suche').fill('luft raumfahrt zentrum');
    await page.waitForURL(/q=luft/);
    const table = page.getByRole('table', { name: 'Organisationsliste' });
    const first = table.getByRole('row').nth(1).getByRole('link').first();
    await expect
      .poll(async () => (await first.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Luft.*Zentrum|Zentrum.*Luft/);
    await screenshot(page, 'directory');
  });

  it('opens the DLR with its identifier, partners and network graph', async () => {
    await page
      .getByRole('table', { name: 'Organisationsliste' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/organisations\/\d+$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const name = (await heading.textContent()) ?? '';
    expect(name).toContain('Zentrum');
    expect(name).toContain('Luft');

    await page.getByRole('heading', { name: 'Herkunft des Datensatzes' }).waitFor();
    expect(await page.getByText('999981731').first().isVisible()).toBe(true);

    const partners = page.getByRole('table', { name: 'Partner aus gemeinsamen Projekten' });
    expect(await partners.getByRole('row').count()).toBeGreaterThanOrEqual(2);

    const graph = page.locator('svg[role=img]').filter({ has: page.locator('circle') });
    expect(await graph.count()).toBe(1);
    expect(await graph.getAttribute('aria-label')).toMatch(/Netzwerk von .+ mit \d+ Partnern/);
    expect(await graph.locator('line').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'organisation-dlr');
  });

  it('links a partner to its own page', async () => {
    const partner = page.getByRole('table', { name: 'Partner aus gemeinsamen Projekten' }).getByRole('link').first();
    const partnerName = (await partner.textContent()) ?? '';
    await partner.click();
    await page.getByRole('heading', { name: partnerName, level: 1 }).waitFor();
  });
});
