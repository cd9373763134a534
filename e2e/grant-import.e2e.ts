import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SeedUser, screenshot, useJourney } from './harness';

const officer: SeedUser = {
  email: 'foerderreferat@example.org',
  name: 'Fritz Förderreferat',
  roles: ['funding_officer'],
  password: 'Zuwendung-mit-Bescheid-2026',
};

const header =
  'Programm;Projektnummer;Projekttitel;Förderkennzeichen;Fördergeber;Zuwendungsempfänger;Rolle;Quelle;Art;Betrag;Jahr';
const rows = [
  'ruhr-konferenz;E2E-P1;Wärmewende im Quartier;E2E-001;Land NRW;Quartierswerk Ruhr GmbH;Lead;EFRE;bewilligt;120.000,00;2024',
  'ruhr-konferenz;E2E-P1;Wärmewende im Quartier;E2E-001;Land NRW;Quartierswerk Ruhr GmbH;Lead;Land;bewilligt;30.000,00;2024',
  'ruhr-konferenz;E2E-P1;Wärmewende im Quartier;E2E-001;Land NRW;Hochschule Quartier Test;Partner;EFRE;bewilligt;50.000,00;2025',
];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-e2e-import-'));
const write = (name: string, lines: string[]) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `${[header, ...lines].join('\r\n')}\r\n`);
  return file;
};
const badFile = write('foerderungen-fehler.csv', [...rows.slice(0, 2), rows[2]?.replace(';EFRE;', ';Lotto;') ?? '']);
const goodFile = write('foerderungen.csv', rows);

// A funding officer uploads a file, maps it, sees the bad row in the dry run, then imports a correct file.
describe('generic grant import in Chromium', () => {
  const journey = useJourney({ users: [officer] });

  it('dry-runs a file with a bad row, then imports a correct one with progress and a result', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('E-Mail-Adresse').fill(officer.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(officer.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: `Benutzermenü von ${officer.name}` }).click();
    await page.getByRole('menuitem', { name: 'Förderungen importieren' }).click();
    await page.getByRole('heading', { name: 'Förderungen importieren', level: 1 }).waitFor();

    await page.locator('input[type="file"]').setInputFiles(badFile);
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await page.getByText('foerderungen-fehler.csv (CSV): 11 Spalten erkannt').waitFor();
    await page
      .getByRole('table', { name: 'Vorschau der ersten Zeilen' })
      .getByText('Hochschule Quartier Test')
      .waitFor();
    expect(
      await page
        .getByLabel(/^Betrag/)
        .first()
        .inputValue(),
    ).toBe('Betrag');
    expect(
      await page
        .getByLabel(/^Empfänger/)
        .first()
        .inputValue(),
    ).toBe('Zuwendungsempfänger');

    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.getByText('1 fehlerhafte Angabe — nichts wurde importiert').waitFor();
    const errors = page.getByRole('table', { name: 'Fehlerhafte Zeilen' });
    await errors.getByRole('row', { name: /4 Quelle Quelle „Lotto“ ist unbekannt/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Importieren' }).isDisabled()).toBe(true);
    await screenshot(page, 'grant-import-dry-run-error');

    await page.locator('input[type="file"]').setInputFiles(goodFile);
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await page.getByText('foerderungen.csv (CSV): 11 Spalten erkannt').waitFor();
    await page.getByRole('button', { name: 'Probelauf' }).click();
    await page.getByText('Probelauf ohne Fehler').waitFor();
    await page.getByRole('table', { name: 'Betroffene Programme' }).getByText('Ruhr-Konferenz').waitFor();
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('status').getByText('Importiert', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Förderungen in Ruhr-Konferenz ansehen' }).waitFor();
    await screenshot(page, 'grant-import-committed');

    const res = await page.request.get(`${server.url}/api/grants?q=E2E-001`);
    expect(await res.json()).toMatchObject({ total: 1, items: [{ reference: 'E2E-001', amountCents: 200_000_00 }] });
  });
});
