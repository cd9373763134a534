import { describe, expect, it } from 'vitest';
import { screenshot, useJourney } from './harness';

// The organisation directory: a forgiving search, then one organisation with its identifiers and partners.
describe('organisation directory in Chromium', () => {
  const journey = useJourney();

  it('finds the DLR with a loosely worded search', async () => {
    await journey.page.goto(journey.server.url);
    await journey.page.getByRole('link', { name: 'Organisationen', exact: true }).first().click();
    await journey.page.getByRole('heading', { name: 'Organisationen', level: 1 }).waitFor();
    await journey.page.getByText(/^[\d.]+ Organisationen?$/).waitFor();

    await journey.page.getByLabel('Suche').fill('luft raumfahrt zentrum');
    await journey.page.waitForURL(/q=luft/);
    const table = journey.page.getByRole('table', { name: 'Organisationsliste' });
    const first = table.getByRole('row').nth(1).getByRole('link').first();
    await expect
      .poll(async () => (await first.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Luft.*Zentrum|Zentrum.*Luft/);
    await screenshot(journey.page, 'directory');
  });

  it('opens the DLR with its identifier, partners and network graph', async () => {
    await journey.page
      .getByRole('table', { name: 'Organisationsliste' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    await journey.page.waitForURL(/\/organisations\/\d+$/);
    const heading = journey.page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const name = (await heading.textContent()) ?? '';
    expect(name).toContain('Zentrum');
    expect(name).toContain('Luft');

    await journey.page.getByRole('heading', { name: 'Herkunft des Datensatzes' }).waitFor();
    expect(await journey.page.getByText('999981731').first().isVisible()).toBe(true);

    const partners = journey.page.getByRole('table', { name: 'Partner aus gemeinsamen Projekten' });
    expect(await partners.getByRole('row').count()).toBeGreaterThanOrEqual(2);

    const graph = journey.page.locator('svg[role=img]').filter({ has: journey.page.locator('circle') });
    expect(await graph.count()).toBe(1);
    expect(await graph.getAttribute('aria-label')).toMatch(/Netzwerk von .+ mit \d+ Partnern/);
    expect(await graph.locator('line').count()).toBeGreaterThanOrEqual(1);
    await screenshot(journey.page, 'organisation-dlr');
  });

  it('links a partner to its own page', async () => {
    const partner = journey.page
      .getByRole('table', { name: 'Partner aus gemeinsamen Projekten' })
      .getByRole('link')
      .first();
    const partnerName = (await partner.textContent()) ?? '';
    await partner.click();
    await journey.page.getByRole('heading', { name: partnerName, level: 1 }).waitFor();
  });
});
