import { describe, expect, it } from 'vitest';
import { type SeedUser, screenshot, useJourney } from './harness';

// The organisation directory: a forgiving search, then one organisation with its identifiers and partners.
describe('organisation directory in Chromium', () => {
  const journey = useJourney();

  it('finds the DLR with a loosely worded search', async () => {
    await journey.page.goto(journey.server.url);
    await journey.page.getByRole('link', { name: 'Organisationen', exact: true }).first().click();
    await journey.page.getByRole('heading', { name: 'Organisationen', level: 1 }).waitFor();
    await journey.page.getByText(/^[\d.]+ Organisationen?$/).waitFor();

    // The header has a search box too: use the one of the list's filters.
    await journey.page.getByRole('search', { name: 'Filter' }).getByLabel('Suche').fill('luft raumfahrt zentrum');
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

const admin: SeedUser = {
  email: 'verzeichnis-admin@example.org',
  name: 'Vera Verzeichnis',
  roles: ['admin'],
  password: 'ein-langes-Passwort-2',
};

type Pair = { a: { id: number; name: string }; b: { id: number; name: string } };

// The ecosystem directory: NACE and type filters with facet counts, an agency with its network and people,
// then an admin merging a pair of duplicates.
describe('ecosystem directory in Chromium', () => {
  const journey = useJourney({ users: [admin] });

  it('filters organisations by NACE and type, with counts next to the options', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/organisations`);
    await page.getByRole('heading', { name: 'Organisationen', level: 1 }).waitFor();

    await page.getByRole('combobox', { name: 'Branche (NACE)' }).fill('Wirtschaftsförderung');
    await page.getByRole('option', { name: /^84\.13 Wirtschaftsförderung/ }).click();
    // The router quotes values that look like numbers: nace=%2284.13%22.
    await page.waitForURL(/nace=[^&]*84\.13/);

    await page.getByRole('combobox', { name: 'Art', exact: true }).click();
    const agencies = page.getByRole('option', { name: /^Wirtschaftsförderung/ });
    await expect
      .poll(async () => Number(await agencies.locator('[data-facet-count]').textContent()))
      .toBeGreaterThan(4);
    await screenshot(page, 'directory-facets');
    await agencies.click();
    await page.waitForURL(/type=development_agency/);

    // The export carries the same filters.
    const href = (await page.getByRole('link', { name: 'CSV' }).getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/organisations\/export\.csv\?.*nace=84\.13/);
    const csv = await page.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Wirtschaftsförderung Dortmund');

    const table = page.getByRole('table', { name: 'Organisationsliste' });
    await table.getByRole('link', { name: 'Wirtschaftsförderung Dortmund', exact: true }).click();
    await page.getByRole('heading', { name: 'Wirtschaftsförderung Dortmund', level: 1 }).waitFor();
  });

  it('shows the agency with its network membership and its people', async () => {
    const { page } = journey;
    const memberships = page.getByRole('table', { name: 'Mitgliedschaften' });
    await memberships.getByRole('link', { name: 'In|Die RegionWestfalen' }).waitFor();
    expect(await memberships.getByText('Netzwerkmitglied').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('table', { name: 'Personen' }).getByRole('link', { name: 'Heike Marzen' }).waitFor();
    expect(await page.getByText('84.13 Wirtschaftsförderung').first().isVisible()).toBe(true);
    await screenshot(page, 'organisation-agency');

    await page.getByRole('link', { name: 'Heike Marzen' }).click();
    await page.getByRole('heading', { name: 'Heike Marzen', level: 1 }).waitFor();
    await page.getByText('Kontaktdaten intern').waitFor();
  });

  it('lets an admin merge a pair of duplicates; the merged name stays as an alias', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: `Benutzermenü von ${admin.name}` }).waitFor();

    // The demo data has duplicates (the same agency under two names); take the first pair of two names.
    const response = await page.request.get(`${server.url}/api/organisations/duplicates`);
    const pairs = ((await response.json()) as { items: Pair[] }).items;
    const pair = pairs.find((candidate) => candidate.a.name !== candidate.b.name);
    if (!pair) throw new Error('Die Demodaten enthalten keine Dubletten');

    await page.goto(`${server.url}/organisations`);
    await page.getByRole('link', { name: 'Mögliche Dubletten' }).click();
    await page.getByRole('heading', { name: 'Mögliche Dubletten', level: 1 }).waitFor();
    const card = page.getByRole('article', { name: `${pair.a.name} / ${pair.b.name}` });
    await card.getByText(/Ähnlichkeit \d+ %/).waitFor();
    await card.getByRole('button', { name: 'Zusammenführen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Organisationen zusammenführen' });
    await dialog.getByRole('radio', { name: pair.a.name, exact: true }).check();
    await screenshot(page, 'directory-merge');
    await dialog.getByRole('button', { name: 'Zusammenführen' }).click();

    await page.waitForURL(new RegExp(`/organisations/${pair.a.id}$`));
    await page.getByRole('heading', { name: pair.a.name, level: 1 }).waitFor();
    await page.getByRole('listitem').filter({ hasText: pair.b.name }).first().waitFor();
    await page.getByText('Zusammengeführt aus').waitFor();
    await screenshot(page, 'organisation-merged');
  });
});
