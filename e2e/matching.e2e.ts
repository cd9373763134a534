import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type SeedUser, screenshot, useJourney } from './harness';

const admin: SeedUser = {
  email: 'partnersuche@example.org',
  name: 'Paula Partner',
  roles: ['admin'],
  password: 'Partnersuche-NRW-Piemonte-2026',
};
// Both get their organisation roles from the admin during the journey (the command line cannot scope roles).
const author: SeedUser = {
  email: 'giulia@bitron.example',
  name: 'Giulia Bianchi',
  roles: [],
  password: 'Giulia-Torino-Cobot-2026',
};
const agent: SeedUser = {
  email: 'lena@wf-dortmund.example',
  name: 'Lena Wirtz',
  roles: [],
  password: 'Lena-Wirtschaftsfoerderung-2026',
};

const piemonteCompany = 'BITRON SPA';
const germanCompany = 'BCT STEUERUNGS UND DV-SYSTEME GMBH';
const agency = 'Wirtschaftsförderung Dortmund';
const requestTitle = 'Cerchiamo robot collaborativi per il montaggio di schede elettroniche';
const offerTitle = 'Steuerungssoftware für kollaborative Roboter in der Montage';

async function signIn(page: Page, url: string, user: SeedUser, language: 'de' | 'it' = 'de'): Promise<void> {
  await page.goto(`${url}/login`);
  const texts =
    language === 'it'
      ? { email: 'Indirizzo e-mail', password: 'Password', submit: 'Accedi', menu: 'Menu utente di' }
      : { email: 'E-Mail-Adresse', password: 'Passwort', submit: 'Anmelden', menu: 'Benutzermenü von' };
  await page.getByLabel(texts.email).fill(user.email);
  await page.getByRole('textbox', { name: texts.password, exact: true }).fill(user.password);
  await page.getByRole('button', { name: texts.submit }).click();
  await page.getByRole('button', { name: `${texts.menu} ${user.name}` }).waitFor();
}

async function signOut(page: Page, user: SeedUser, language: 'de' | 'it' = 'de'): Promise<void> {
  const texts =
    language === 'it' ? { menu: 'Menu utente di', out: 'Esci' } : { menu: 'Benutzermenü von', out: 'Abmelden' };
  await page.getByRole('button', { name: `${texts.menu} ${user.name}` }).click();
  await page.getByRole('menuitem', { name: texts.out }).click();
  await page
    .getByRole('banner')
    .getByRole('link', { name: language === 'it' ? 'Accedi' : 'Anmelden' })
    .waitFor();
}

/** Switches the interface language with the header's switch ("DE", "EN", "IT"). */
async function switchLanguage(page: Page, code: 'DE' | 'IT'): Promise<void> {
  await page.getByRole('banner').getByText(code, { exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code.toLowerCase());
}

/** A JSON call to the API with the session's CSRF token, from inside the page. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const response = await fetch(`/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

async function organisationId(page: Page, name: string): Promise<number> {
  const found = await api<{ items: { id: number; name: string }[] }>(
    page,
    'GET',
    `/organisations?q=${encodeURIComponent(name)}&pageSize=20`,
  );
  const organisation = found.items.find((o) => o.name === name);
  if (!organisation) throw new Error(`${name} fehlt in den Demodaten`);
  return organisation.id;
}

// A company in Piemonte writes an Italian technology request in the Italian interface and sees the
// concepts found in its text; the development agency publishes it; a German offer shows up among the
// matching partners with its reasons, and the company expresses interest, which the agency then brokers.
describe('partner matchmaking journey in Chromium', () => {
  const journey = useJourney({ users: [admin, author, agent] });

  it('gives the author and the agency their roles and publishes a German offer', async () => {
    const { page, server } = journey;
    await signIn(page, server.url, admin);
    const [bitron, bct, dortmund] = [
      await organisationId(page, piemonteCompany),
      await organisationId(page, germanCompany),
      await organisationId(page, agency),
    ];
    const users = await api<{ items: { id: number; email: string }[] }>(page, 'GET', '/users?pageSize=100');
    const idOf = (user: SeedUser) => users.items.find((u) => u.email === user.email)?.id;
    await api(page, 'PATCH', `/users/${idOf(author)}`, {
      roles: [{ role: 'organisation_member', organisationId: bitron }],
    });
    await api(page, 'PATCH', `/users/${idOf(agent)}`, { roles: [{ role: 'agency_staff', organisationId: dortmund }] });

    // The German offer, written for the company and published by its agency, through the API.
    const offer = await api<{ id: number }>(page, 'POST', '/profiles', {
      organisationId: bct,
      kind: 'technology_offer',
      language: 'de',
      title: offerTitle,
      summary:
        'Wir entwickeln Steuerungen und Sensorik für kollaborative Roboter (Cobots) in der Montage kleiner Serien. ' +
        'Unsere Software verbindet Greifer, Kameras und Kraftsensoren und lässt sich ohne Programmierkenntnisse einrichten.',
      stage: 'market',
      agencyOrganisationId: dortmund,
    });
    await api(page, 'POST', `/profiles/${offer.id}/submit`, {});
    await api(page, 'POST', `/profiles/${offer.id}/review`, { decision: 'publish' });
    await signOut(page, admin);
  });

  it('lets the Piemonte author write an Italian request with suggested concepts and submit it', async () => {
    const { page, server } = journey;
    await page.goto(`${server.url}/login`);
    await switchLanguage(page, 'IT');
    await signIn(page, server.url, author, 'it');
    await page.getByRole('link', { name: 'Ricerca partner', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Ricerca partner', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Crea profilo' }).click();
    await page.getByRole('heading', { name: 'Crea profilo', level: 1 }).waitFor();

    await expect.poll(() => page.getByRole('combobox', { name: /^Organizzazione/ }).inputValue()).toBe(piemonteCompany);
    await page.getByRole('radio', { name: 'Richiesta tecnologica' }).check();
    await page.getByRole('textbox', { name: /^Titolo/ }).fill(requestTitle);
    await page
      .getByRole('textbox', { name: /^Descrizione/ })
      .fill(
        'Produciamo componenti elettronici a Torino. Cerchiamo una soluzione di robotica collaborativa (cobot) ' +
          'con sensori di forza e visione per il montaggio di piccole serie, e un partner per un progetto pilota.',
      );
    // The concepts found in the text, in Italian, with the words that led to them.
    const chips = page.getByRole('group', { name: 'Temi del profilo' });
    await chips.getByRole('button', { name: 'Togli il tema «Robotica»' }).waitFor();
    expect(await chips.textContent()).toMatch(/Robotica\s*da: [^)]*robot/);

    await page.getByRole('combobox', { name: /^Agenzia di sviluppo che verifica/ }).fill('Dortmund');
    await page.getByRole('option', { name: agency, exact: true }).click();
    await screenshot(page, 'matching-form-it');
    await page.getByRole('button', { name: 'Crea bozza' }).click();

    await page.getByRole('heading', { name: requestTitle, level: 1 }).waitFor();
    await page.getByText('bozza', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Invia per la verifica' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Invia per la verifica' }).click();
    await page.getByText('inviato', { exact: true }).first().waitFor();
    await signOut(page, author, 'it');
  });

  it('lets the agency publish the request from its review queue', async () => {
    const { page, server } = journey;
    await switchLanguage(page, 'DE');
    await signIn(page, server.url, agent);
    await page.getByRole('link', { name: 'Partnersuche', exact: true }).first().click();
    await page.getByRole('link', { name: 'Prüfung', exact: true }).click();
    await page.getByRole('heading', { name: 'Prüfung', level: 1 }).waitFor();
    await page.getByRole('article', { name: requestTitle }).waitFor();
    await screenshot(page, 'matching-review');
    await page.getByRole('button', { name: `„${requestTitle}“ veröffentlichen` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByText('Keine Profile warten auf Prüfung.').waitFor();
    await signOut(page, agent);
  });

  it('shows the German offer among the matching partners with reasons, and takes the interest', async () => {
    const { page, server } = journey;
    await switchLanguage(page, 'IT');
    await signIn(page, server.url, author, 'it');
    await page.goto(`${server.url}/matching/mine`);
    await page.getByRole('link', { name: requestTitle }).click();
    await page.getByRole('heading', { name: requestTitle, level: 1 }).waitFor();
    await page.getByText('pubblicato', { exact: true }).first().waitFor();

    const matches = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Partner adatti' }) });
    const offer = matches.getByRole('listitem').filter({ has: page.getByRole('link', { name: offerTitle }) });
    await offer.waitFor();
    const text = (await offer.textContent()) ?? '';
    expect(text).toContain(germanCompany);
    // The score in Italian ("63%") and the reasons as Italian sentences.
    expect(text).toMatch(/\d+%/);
    expect(text).toContain('Offerta tecnologica incontra richiesta tecnologica');
    expect(text).toMatch(/Temi in comune: .*Robotica/);
    await screenshot(page, 'matching-matches-it');

    await offer.getByRole('button', { name: `Manifestare interesse per «${offerTitle}»` }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByRole('combobox', { name: /^Per quale organizzazione/ }).inputValue())
      .toBe(piemonteCompany);
    await dialog
      .getByRole('textbox', { name: /^Quale cooperazione ha in mente/ })
      .fill('Un progetto pilota con cobot per il montaggio di schede elettroniche a Torino.');
    await dialog.getByRole('textbox', { name: /^Che cosa non è ancora chiaro/ }).fill('Costi di licenza e assistenza.');
    await dialog
      .getByRole('textbox', { name: /^Chi siete/ })
      .fill('Produttore di componenti elettronici e meccatronici con sede a Torino.');
    await dialog.getByRole('button', { name: 'Invia la manifestazione di interesse' }).click();
    await dialog.getByText('Interesse inviato').waitFor();
    await dialog.getByRole('link', { name: 'Vai ai contatti' }).click();

    await page.getByRole('heading', { name: 'Contatti', level: 1 }).waitFor();
    const contact = page.getByRole('article', { name: offerTitle });
    await contact.getByText('Interesse', { exact: true }).waitFor();
    expect(await contact.textContent()).toContain(agency);
    await signOut(page, author, 'it');
  });

  it('lets the agency broker the contact', async () => {
    const { page, server } = journey;
    await switchLanguage(page, 'DE');
    await signIn(page, server.url, agent);
    await page.goto(`${server.url}/matching/contacts`);
    const contact = page.getByRole('article', { name: offerTitle });
    await contact.getByRole('button', { name: 'Vermitteln' }).click();
    await page.getByRole('dialog').getByLabel('Notiz').fill('Beide Seiten informiert, Videokonferenz vorgeschlagen.');
    await page.getByRole('dialog').getByRole('button', { name: 'Vermitteln' }).click();
    await contact.getByText('vermittelt', { exact: true }).waitFor();
    await contact.getByRole('button', { name: 'Verlauf anzeigen' }).click();
    await contact.getByText('Beide Seiten informiert, Videokonferenz vorgeschlagen.').waitFor();
    await screenshot(page, 'matching-contacts');
  });
});
