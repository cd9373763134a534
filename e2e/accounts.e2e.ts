import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, type SeedUser, screenshot, startServer } from './harness';

const office: SeedUser = {
  email: 'programmbuero@example.org',
  name: 'Paula Programmbüro',
  roles: ['programme_office'],
  password: 'Ruhrgebiet-ist-Zukunft-2026',
};
const admin: SeedUser = {
  email: 'admin@example.org',
  name: 'Ada Admin',
  roles: ['admin'],
  password: 'ein-langes-Passwort-1',
};
const project = 'Familiengrundschulzentren';
const comment = 'Start an den ersten zwölf Schulen (E2E)';

async function signIn(page: Page, url: string, user: SeedUser): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(user.email);
  await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: `Benutzermenü von ${user.name}` }).waitFor();
}

async function signOut(page: Page, user: SeedUser): Promise<void> {
  await page.getByRole('button', { name: `Benutzermenü von ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Abmelden' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).waitFor();
}

/** Lets a modal finish its opening transition before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

async function openProject(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/projects`);
  await page.getByLabel('Suche').fill(project);
  await page.waitForURL(/q=Familiengrundschulzentren/);
  await page.getByRole('table', { name: 'Projektliste' }).getByRole('link', { name: project }).click();
  await page.getByRole('heading', { name: project, level: 1 }).waitFor();
}

// The programme office changes a Ruhr-Konferenz project's status; the admin finds it in the audit log.
describe('accounts, editing and audit in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ users: [office, admin] });
    browser = await launchBrowser();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      console.error(`Screenshot: ${await screenshot(page, `failed-${ctx.task.name}`)}`);
    }
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    return page;
  }

  it('lets the programme office change a status and the admin find it in the audit log', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    await screenshot(page, 'accounts-login');

    // A wrong password is refused with a clear message.
    await page.getByLabel('E-Mail-Adresse').fill(office.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill('falsches-Passwort-123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
    await screenshot(page, 'accounts-login-failed');

    await signIn(page, server.url, office);
    expect(await page.getByRole('button', { name: 'Verwaltung' }).count()).toBe(0);

    // The audit log is for admins only.
    await page.goto(`${server.url}/admin/audit`);
    await page.getByRole('heading', { name: 'Kein Zugriff' }).waitFor();

    await openProject(page, server.url);
    await page.getByRole('button', { name: 'Bearbeiten' }).waitFor();
    await page.getByRole('button', { name: 'Status ändern' }).click();
    const dialog = page.getByRole('dialog', { name: 'Status ändern' });
    await dialog.getByRole('combobox', { name: 'Neuer Status' }).click();
    await page.getByRole('option', { name: 'In Umsetzung' }).click();
    expect(await dialog.getByLabel('Geändert am').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByLabel('Kommentar').fill(comment);
    await settle(page);
    await screenshot(page, 'accounts-status-change-modal');
    await dialog.getByRole('button', { name: 'Status speichern' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The timeline shows the new entry, entered by hand in Standort.
    const timeline = page.getByRole('region', { name: 'Statusverlauf' });
    await timeline.getByText(comment).waitFor();
    expect(await timeline.textContent()).toContain('In Umsetzung');
    expect(await timeline.textContent()).toContain('In Standort erfasst');
    await screenshot(page, 'accounts-project-after-status-change');

    // The edit form opens with the project's data.
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Projekt bearbeiten' });
    expect(await editDialog.getByLabel('Titel').inputValue()).toBe(project);
    await settle(page);
    await screenshot(page, 'accounts-project-edit-modal');
    await editDialog.getByRole('button', { name: 'Abbrechen' }).click();

    await signOut(page, office);

    await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).click();
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByRole('textbox', { name: 'Passwort', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: `Benutzermenü von ${admin.name}` }).waitFor();

    await page.getByRole('button', { name: 'Verwaltung' }).click();
    await page.getByRole('menuitem', { name: 'Audit-Log' }).click();
    await page.getByRole('heading', { name: 'Audit-Log', level: 1 }).waitFor();
    const row = page
      .getByRole('table', { name: /Audit-Log/ })
      .getByRole('row')
      .filter({ hasText: 'Statusänderung' })
      .filter({ has: page.getByRole('link', { name: project }) });
    await row.waitFor();
    expect(await row.textContent()).toContain(office.name);
    await row.getByRole('button', { name: 'Details' }).click();
    const details = page.locator('[id^="audit-entry-"]');
    await details.getByText('in_progress').first().waitFor();
    await screenshot(page, 'accounts-audit-log');

    // Filters narrow the list, and the CSV link carries them.
    await page.getByRole('combobox', { name: 'Aktion' }).click();
    await page.getByRole('option', { name: 'Statusänderung' }).click();
    await page.waitForURL(/action=status_change/);
    const csv = await page.getByRole('link', { name: 'CSV exportieren' }).getAttribute('href');
    expect(csv).toBe('/api/audit/export.csv?action=status_change');
    await expect.poll(() => page.getByText(/^\d+ Eintr(ag|äge)$/).textContent()).toBe('1 Eintrag');

    await signOut(page, admin);
  });

  it('shows the account page, the account administration and the editing of a programme', async () => {
    const page = await newPage();
    await signIn(page, server.url, admin);

    await page.getByRole('button', { name: `Benutzermenü von ${admin.name}` }).click();
    await page.getByRole('menuitem', { name: 'Mein Konto' }).click();
    await page.getByRole('heading', { name: 'Mein Konto', level: 1 }).waitFor();
    await page.getByText('diese Sitzung').waitFor();
    expect(await page.getByRole('region', { name: 'Profil' }).textContent()).toContain('Administration');

    // A new token is shown once, with a copy button.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Monatsbericht');
    await page.getByRole('checkbox', { name: /Audit-Log lesen/ }).check();
    await page.getByRole('button', { name: 'Token erzeugen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Token „Monatsbericht“ erzeugt' })
      .getByText(/^stdt_/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Kopieren' }).isVisible()).toBe(true);
    await screenshot(page, 'accounts-account-page');

    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('table', { name: 'Konten' }).getByText(office.name).waitFor();
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Konto anlegen' });
    await dialog.getByLabel('E-Mail-Adresse').fill('cluster@example.org');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Clara Cluster');
    await dialog.getByRole('button', { name: 'Rolle hinzufügen' }).click();
    await dialog.getByRole('combobox', { name: 'Rolle 1' }).click();
    await page.getByRole('option', { name: 'Clustermanagement' }).click();
    await dialog.getByLabel('Organisation Nr.').fill('12');
    await settle(page);
    await screenshot(page, 'accounts-user-create-modal');
    await dialog.getByRole('button', { name: 'Konto anlegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Konten' }).getByText('Clustermanagement · Organisation Nr. 12').waitFor();
    await screenshot(page, 'accounts-users');

    // The programme dashboard offers editing to admins.
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Programm anlegen' }).waitFor();
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await page.getByRole('heading', { name: 'Ruhr-Konferenz', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const edit = page.getByRole('dialog', { name: 'Programm bearbeiten' });
    expect(await edit.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Ruhr-Konferenz');
    await settle(page);
    await screenshot(page, 'accounts-programme-edit-modal');
    await edit.getByRole('button', { name: 'Abbrechen' }).click();
    await screenshot(page, 'accounts-dashboard-editor');
  });

  it('shows anonymous visitors no administration and no edit buttons', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().waitFor();
    const banner = page.getByRole('banner');
    // Once the header offers "Anmelden", the app knows nobody is signed in.
    await banner.getByRole('link', { name: 'Anmelden' }).waitFor();
    expect(await banner.getByText('Verwaltung').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Programm anlegen' }).count()).toBe(0);

    // The audit log sends visitors to the sign-in page, and back there afterwards.
    await page.goto(`${server.url}/admin/audit`);
    await page.waitForURL(/\/login\?redirect=%2Fadmin%2Faudit/);
    await page.getByText('Für diese Seite müssen Sie angemeldet sein.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, 'accounts-login-redirect');

    await openProject(page, server.url);
    await page.getByRole('heading', { name: 'Statusverlauf' }).waitFor();
    for (const name of ['Bearbeiten', 'Status ändern']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await page.getByRole('link', { name: 'Ruhr-Konferenz' }).first().click();
    await page.getByRole('heading', { name: 'Ruhr-Konferenz', level: 1 }).waitFor();
    for (const name of ['Bearbeiten', 'Handlungsfeld hinzufügen', 'Projekt anlegen']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }

    // Forgotten password: the same answer whether or not the address has an account.
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.getByLabel('E-Mail-Adresse').fill('niemand@example.org');
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    await page.getByText('Wenn ein Konto existiert, haben wir eine E-Mail geschickt.').waitFor();
    await screenshot(page, 'accounts-forgot-password');

    await page.goto(`${server.url}/reset-password?token=${'x'.repeat(43)}`);
    await page.getByRole('textbox', { name: 'Neues Passwort', exact: true }).fill('kurz');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Das Passwort braucht mindestens 12 Zeichen.').waitFor();
    await page.getByRole('textbox', { name: 'Neues Passwort', exact: true }).fill('ein-ganz-neues-Passwort');
    await page.getByRole('textbox', { name: 'Neues Passwort wiederholen' }).fill('ein-ganz-neues-Passwort');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Dieser Link ist ungültig, abgelaufen oder wurde bereits benutzt.').waitFor();
    await screenshot(page, 'accounts-reset-password');
  });
});
