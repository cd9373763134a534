import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useJourney } from './harness';

// The programme office's first journey: home → programme dashboard → search and filter → a project.
describe('portfolio journey in Chromium', () => {
  const journey = useJourney();

  it('lists the programmes on the home page', async () => {
    await journey.page.goto(journey.server.url);
    await journey.page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().waitFor();
    for (const name of ['EFRE NRW 2007–2013 (Ziel 2)', 'EFRE.NRW 2014–2020', 'Regio.NRW – Transformation']) {
      expect(await journey.page.getByRole('link', { name }).first().isVisible()).toBe(true);
    }
    await screenshot(journey.page, 'home');
  });

  it('opens the Ruhr-Konferenz dashboard with charts and the reported figures of December 2021', async () => {
    await journey.page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await journey.page.getByRole('heading', { name: 'Ruhr-Konferenz', level: 1 }).waitFor();
    await journey.page.getByRole('heading', { name: 'Projekte nach Status' }).waitFor();
    await journey.page.getByRole('heading', { name: 'Gemeldete Kennzahlen' }).waitFor();
    const figures = journey.page.getByRole('table').filter({ hasText: 'Projekte in der Umsetzung' });
    expect(await figures.textContent()).toContain('55');
    expect(await figures.textContent()).toContain('7. Dezember 2021');
    expect(await journey.page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2);
    await screenshot(journey.page, 'dashboard-ruhr-konferenz');
  });

  it('searches projects in German and narrows them with filters', async () => {
    await journey.page.getByRole('link', { name: 'Projekte', exact: true }).first().click();
    await journey.page.getByRole('search', { name: 'Filter' }).getByLabel('Suche').fill('Wasserstoff');
    await journey.page.waitForURL(/q=Wasserstoff/);
    await journey.page
      .getByRole('link', { name: /Wasserstoff/ })
      .first()
      .waitFor();
    const unfiltered = await totalShown(journey.page);
    expect(unfiltered).toBeGreaterThan(5);

    await journey.page.getByRole('combobox', { name: 'Status' }).click();
    await journey.page.getByRole('option', { name: 'Abgeschlossen' }).click();
    await journey.page.waitForURL(/status=completed/);
    await expect.poll(() => totalShown(journey.page)).toBeLessThan(unfiltered);
    const rows = journey.page.getByRole('table', { name: 'Projektliste' }).getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('Abgeschlossen');
    await screenshot(journey.page, 'projects-search');
  });

  it('opens a project with its organisations, status history, money and provenance', async () => {
    await journey.page.getByRole('table', { name: 'Projektliste' }).getByRole('link').first().click();
    await journey.page.getByRole('heading', { name: 'Herkunft des Datensatzes' }).waitFor();
    for (const heading of ['Beteiligte Organisationen', 'Statusverlauf', 'Finanzierung']) {
      expect(await journey.page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
    }
    expect(
      await journey.page
        .getByText(/Datei erdf_nrw_2007_2013_beneficiaries\.csv, Zeile \d+/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(
      await journey.page
        .getByText(/^\d{1,3}(\.\d{3})*(,\d\d)?\s€$/)
        .first()
        .isVisible(),
    ).toBe(true);
    await screenshot(journey.page, 'project');
  });

  it('switches the interface to English', async () => {
    await journey.page.getByRole('button', { name: 'Mehr' }).click();
    await journey.page.getByRole('menuitem', { name: 'Über Standort' }).click();
    await journey.page.getByText('© GeoBasis-DE / BKG 2021 (Daten verändert)', { exact: false }).waitFor();
    await journey.page.getByText('EN', { exact: true }).click();
    await journey.page.getByRole('heading', { name: 'About Standort' }).waitFor();
    expect(await journey.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

async function totalShown(page: Page): Promise<number> {
  const text = await page
    .getByText(/^[\d.]+ Projekte?$/)
    .first()
    .textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}
