import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, screenshot, startServer } from './harness';

// The programme office's first journey: home → programme dashboard → search and filter → a project.
describe('portfolio journey in Chromium', () => {
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

  it('lists the programmes on the home page', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().waitFor();
    for (const name of ['EFRE NRW 2007–2013 (Ziel 2)', 'EFRE.NRW 2014–2020', 'Regio.NRW – Transformation']) {
      expect(await page.getByRole('link', { name }).first().isVisible()).toBe(true);
    }
    await screenshot(page, 'home');
  });

  it('opens the Ruhr-Konferenz dashboard with charts and the reported figures of December 2021', async () => {
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await page.getByRole('heading', { name: 'Ruhr-Konferenz', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Projekte nach Status' }).waitFor();
    await page.getByRole('heading', { name: 'Gemeldete Kennzahlen' }).waitFor();
    const figures = page.getByRole('table').filter({ hasText: 'Projekte in der Umsetzung' });
    expect(await figures.textContent()).toContain('55');
    expect(await figures.textContent()).toContain('7. Dezember 2021');
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'dashboard-ruhr-konferenz');
  });

  it('searches projects in German and narrows them with filters', async () => {
    await page.getByRole('link', { name: 'Projekte', exact: true }).first().click();
    await page.getByLabel('Suche').fill('Wasserstoff');
    await page.waitForURL(/q=Wasserstoff/);
    await page
      .getByRole('link', { name: /Wasserstoff/ })
      .first()
      .waitFor();
    const unfiltered = await totalShown(page);
    expect(unfiltered).toBeGreaterThan(5);

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Abgeschlossen' }).click();
    await page.waitForURL(/status=completed/);
    await expect.poll(() => totalShown(page)).toBeLessThan(unfiltered);
    const rows = page.getByRole('table', { name: 'Projektliste' }).getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('Abgeschlossen');
    await screenshot(page, 'projects-search');
  });

  it('opens a project with its organisations, status history, money and provenance', async () => {
    await page.getByRole('table', { name: 'Projektliste' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Herkunft des Datensatzes' }).waitFor();
    for (const heading of ['Beteiligte Organisationen', 'Statusverlauf', 'Finanzierung']) {
      expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
    }
    expect(
      await page
        .getByText(/Datei erdf_nrw_2007_2013_beneficiaries\.csv, Zeile \d+/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByText(/^\d{1,3}(\.\d{3})*(,\d\d)?\s€$/)
        .first()
        .isVisible(),
    ).toBe(true);
    await screenshot(page, 'project');
  });

  it('switches the interface to English', async () => {
    await page.getByRole('link', { name: 'Über Standort' }).first().click();
    await page.getByText('© GeoBasis-DE / BKG 2021 (Daten verändert)', { exact: false }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'About Standort' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

async function totalShown(page: Page): Promise<number> {
  const text = await page
    .getByText(/^[\d.]+ Projekte?$/)
    .first()
    .textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}
