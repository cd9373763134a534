import { describe, expect, it } from 'vitest';
import { screenshot, useJourney } from './harness';

// Open data: from the navigation (its "Mehr" menu) to the open-data page, then the 360Giving package it links.
describe('open data in Chromium', () => {
  const journey = useJourney();

  it('lists the open datasets with licence, counts and downloads', async () => {
    const { page } = journey;
    await page.goto(journey.server.url);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Mehr' }).click();
    await page.getByRole('menuitem', { name: 'Offene Daten' }).click();
    await page.getByRole('heading', { name: 'Offene Daten', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Offene Datensätze' });
    await table.waitFor();
    const licence = page.getByRole('link', { name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0' });
    expect(await licence.getAttribute('href')).toBe('https://www.govdata.de/dl-de/by-2-0');
    for (const name of ['Förderungen (360Giving)', 'Organisationen', 'Projekte']) {
      expect(await table.getByText(name, { exact: true }).isVisible()).toBe(true);
    }
    const organisations = table.getByRole('row').filter({ hasText: 'Organisationen' });
    expect(await organisations.getByRole('cell').nth(1).textContent()).toMatch(/^\d{1,3}(\.\d{3})*$/);
    await screenshot(page, 'open-data');
  });

  it('follows the 360Giving JSON link to a package that parses', async () => {
    const { page } = journey;
    const link = page.getByRole('link', { name: '360Giving JSON' });
    const href = await link.getAttribute('href');
    expect(href).toBe('/api/export/360giving.json');
    await link.click();
    await page.waitForURL(/\/api\/export\/360giving\.json$/);
    const body = (await page.locator('body').textContent()) ?? '';
    const parsed = JSON.parse(body) as { grants: Array<{ id: string }> };
    expect(Array.isArray(parsed.grants)).toBe(true);
    for (const grant of parsed.grants) expect(grant.id).toMatch(/^360G-standort-\d+$/);

    const response = await page.request.get(`${journey.server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
  });
});
