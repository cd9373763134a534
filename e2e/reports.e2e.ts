import { describe, expect, it } from 'vitest';
import { screenshot, useJourney } from './harness';

const office = {
  email: 'bericht@example.org',
  name: 'Berta Bericht',
  roles: ['programme_office'],
  password: 'korrekt-Pferd-Batterie-42',
};

// The programme office reports to the cabinet: the Ruhr-Konferenz report as of 7 December 2021,
// its files, and a frozen version in the list.
describe('progress report journey in Chromium', () => {
  const journey = useJourney({ users: [office] });

  it('opens the report from the programme page and sets the date', async () => {
    const { page, server } = journey;
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await page.getByRole('heading', { name: 'Ruhr-Konferenz', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Fortschrittsbericht' }).click();
    await page.getByRole('heading', { name: 'Fortschrittsbericht Ruhr-Konferenz', level: 1 }).waitFor();

    await page.getByRole('textbox', { name: 'Stichtag', exact: true }).fill('2021-12-07');
    await page.waitForURL(/asOf=2021-12-07/);
    await page.getByText('Stand: 7. Dezember 2021').waitFor();
    const figures = page.getByRole('table').filter({ hasText: 'Projekte in der Umsetzung' });
    await figures.waitFor();
    const text = await figures.textContent();
    expect(text).toMatch(/136\.000\.000\s€/);
    expect(text).toContain('−53');
    await screenshot(page, 'report-ruhr-konferenz-2021-12-07');
  });

  it('links a PDF that answers 200', async () => {
    const { page, server } = journey;
    const href = await page.getByRole('link', { name: 'PDF herunterladen' }).getAttribute('href');
    expect(href).toContain('/report.pdf?asOf=2021-12-07');
    const res = await fetch(new URL(href as string, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('freezes the report as the programme office and lists the version', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('E-Mail-Adresse').fill(office.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(office.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: `Benutzermenü von ${office.name}` }).waitFor();

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await page.getByRole('link', { name: 'Fortschrittsbericht' }).click();
    await page.getByRole('textbox', { name: 'Stichtag', exact: true }).fill('2021-12-07');
    await page.waitForURL(/asOf=2021-12-07/);
    await page.getByRole('button', { name: 'Bericht einfrieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bericht zum 7. Dezember 2021 einfrieren' });
    await dialog.getByLabel('Anmerkung').fill('Vorlage für das Kabinett');
    await dialog.getByRole('button', { name: 'Einfrieren' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const versions = page.getByRole('table', { name: 'Eingefrorene Versionen' });
    await versions.getByText('Fortschrittsbericht Ruhr-Konferenz zum 07.12.2021').waitFor();
    expect(await versions.textContent()).toContain('Vorlage für das Kabinett');
    expect(await versions.textContent()).toContain(`von ${office.name}`);
    await screenshot(page, 'report-frozen-version');
  });
});
