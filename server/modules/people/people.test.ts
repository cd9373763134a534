import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonListItem } from '../../../contracts/people';
import { createTestUser, type Session, signIn } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

// The people list's CSV and XLSX files: the list's rows, filters, visibility and order, no contact details.

describe.each(testTargets)('people exports on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let staff: Session;
  let klic: number;
  let klicName: string;
  const call = async (method: 'GET' | 'POST', url: string, who?: Session, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const csvLines = async (url: string, who?: Session) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
    expect(res.statusCode).toBe(200);
    return res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    await createTestUser(ctx.db, 'staff@people.example.org', [{ role: 'agency_staff' }]);
    staff = await signIn(ctx.app, 'staff@people.example.org');
    const [found] = (await call('GET', '/api/organisations?q=KLIC.Ruhr')).body.items;
    klic = found.id;
    klicName = found.name;
    const add = async (name: string, extra: object) => {
      const person = await call('POST', '/api/people', staff, { name, ...extra });
      expect(person.status).toBe(200);
      await call('POST', `/api/people/${person.body.id}/roles`, staff, {
        organisationId: klic,
        title: 'Projektleitung',
        from: '2024-05-01',
      });
    };
    await add('Erika Exportprobe', {
      honorific: 'Dr.',
      email: 'erika@export.example.org',
      phone: '+49 231 12345',
      contactVisibility: 'public',
    });
    await add('Anna Exportprobe', { email: 'anna@export.example.org', contactVisibility: 'internal' });
    await add('Ingo Exportprobe', { visibility: 'internal' });
  });
  afterAll(() => ctx?.close());

  it('exports the filtered people list as CSV and XLSX: same rows and order, hidden people and contact details left out', async () => {
    const list = await call('GET', `/api/people?organisationId=${klic}&pageSize=100`);
    expect(list.body.total).toBeGreaterThan(1);
    const lines = await csvLines(`/api/people/export.csv?organisationId=${klic}`);
    expect(lines[0]).toBe('Name;Anrede / Titel;Funktionen');
    expect(lines.length - 1).toBe(list.body.total);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(list.body.items.map((p: PersonListItem) => p.name));
    expect(lines).toContain(`Erika Exportprobe;Dr.;Projektleitung, ${klicName}`);
    // Contact details are not in the list, so not in the file either — not even public ones, not even for staff.
    const staffCsv = (await csvLines(`/api/people/export.csv?organisationId=${klic}`, staff)).join('\n');
    expect(staffCsv).not.toContain('@export.example.org');
    expect(staffCsv).not.toContain('12345');
    // The internal person: in the staff's file, not in the public one.
    expect(await csvLines('/api/people/export.csv?q=Exportprobe')).toHaveLength(3);
    expect(await csvLines('/api/people/export.csv?q=Exportprobe', staff)).toHaveLength(4);
    expect((await ctx.app.inject('/api/people/export.csv?organisationId=abc')).statusCode).toBe(400);

    const xlsx = await ctx.app.inject('/api/people/export.xlsx?q=Exportprobe');
    expect(xlsx.statusCode).toBe(200);
    const search = await call('GET', '/api/people?q=Exportprobe');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Personen');
    expect(sheet?.rowCount).toBe(search.body.total + 1);
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Name', 'Anrede / Titel', 'Funktionen']);
    expect(sheet?.getRow(2).getCell(1).value).toBe(search.body.items[0].name);
  });
});
