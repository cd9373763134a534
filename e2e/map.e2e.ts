import { describe, expect, it } from 'vitest';
import { screenshot, useJourney } from './harness';

// A visitor explores the ecosystem: the district map, the partnership with Piemonte, the header search.
describe('map, partner regions and search in Chromium', () => {
  const journey = useJourney();

  it('shows the projects of Dortmund from a click on the map', async () => {
    const { page, server } = journey;
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Karte', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Karte', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Organisationen je Kreis' }).waitFor();
    await page.getByRole('link', { name: /^Köln: [\d.]+ Organisation/ }).waitFor();
    expect(await page.locator('svg a').count()).toBeGreaterThanOrEqual(50);

    await page
      .locator('label')
      .filter({ hasText: /^Projekte$/ })
      .click();
    await page.waitForURL(/measure=projects/);
    const dortmund = page.getByRole('link', { name: /^Dortmund: [\d.]+ Projekte?$/ });
    await dortmund.waitFor();
    const count = Number(/: ([\d.]+) Projekt/.exec((await dortmund.getAttribute('aria-label')) ?? '')?.[1]);
    await page.getByRole('heading', { name: 'Piemont nach Provinzen' }).waitFor();
    await screenshot(page, 'map-projects');

    await dortmund.click();
    await page.waitForURL(/\/projects\?regionId=\d+/);
    await page.getByRole('heading', { name: 'Projekte', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Region', exact: true }).inputValue(), { timeout: 15_000 })
      .toMatch(/^Dortmund/);
    await expect
      .poll(async () => (await page.getByTestId('project-total').textContent()) ?? '', { timeout: 15_000 })
      .toBe(count === 1 ? '1 Projekt' : `${count} Projekte`);
  });

  it('shows the partnership NRW–Piemonte with its agreement and trade figures', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'Partnerregionen', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Partnerregionen', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nordrhein-Westfalen – Piemont' }).click();
    await page.getByRole('heading', { name: 'Nordrhein-Westfalen – Piemont', level: 1 }).waitFor();

    // Intl writes a no-break space before the euro sign.
    const text = async (locator: ReturnType<typeof page.getByRole>) =>
      ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
    const agreement = page.getByRole('region', { name: 'Partnerschaftsabkommen' });
    expect(await text(agreement)).toContain('Februar 2022');
    expect(await text(agreement)).toContain('unbefristet');
    const trade = page.getByRole('article', { name: 'Handelsvolumen NRW – Italien' });
    expect(await text(trade)).toContain('25,4 Mrd. €');
    expect(await text(trade)).toContain('2024');
    expect(await page.getByRole('article', { name: /^Rang Italiens/ }).textContent()).toContain('Platz 7');
    expect(await page.getByRole('article', { name: 'Italienische Tochterunternehmen in NRW' }).textContent()).toContain(
      'rund 630',
    );
    expect(await page.getByText('Datum nicht veröffentlicht').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'partnership-nrw-piemonte');
  });

  it('finds the DLR from the header search', async () => {
    const { page } = journey;
    const box = page.getByRole('banner').getByRole('combobox', { name: 'Finden' });
    await box.fill('Raumfa');
    const dlr = page.getByRole('option', { name: /Deutsches Zentrum für Luft- und Raumfahrt/ });
    await dlr.waitFor();
    await screenshot(page, 'search-suggestions');
    await dlr.click();
    await page.waitForURL(/\/organisations\/\d+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Luft- und Raumfahrt');
  });
});
