/**
 * Spreadsheets in and out (issue 15 item 5): exports as CSV and XLSX through the injection guard, and the
 * pledge import with its row-by-row report, preview, liaison scope and all-or-nothing save.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/services/databases.js';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

interface Pledge {
  version: number;
  value: Record<string, unknown> & { id: string; nation: string; units: number };
}
interface Report {
  ok: boolean;
  dryRun: boolean;
  counts: { added: number; changed: number; unchanged: number; removed: number; rejected: number };
  rows: {
    row: number;
    id: string | null;
    status: string;
    problems: { column: string | null; message: string }[];
  }[];
  saved: { scenarioVersion: number } | null;
}

const csvFile = (content: string, name = 'gbr.csv') => ({ name, format: 'csv', content });

describe.each(testDatabases())('spreadsheets on $name', (database) => {
  let w: TestWorkspace;
  let drop: () => Promise<void>;
  let gbr: Pledge;
  const base = () => `/api/scenarios/${w.scenarioId}`;
  beforeAll(async () => {
    const db = await database.fresh();
    drop = db.drop;
    w = await makeTestWorkspace(db.url === undefined ? {} : { databaseUrl: db.url });
    const list = (await w.call(await w.login('gbr'), 'GET', `${base()}/pledges`)).json<{ items: Pledge[] }>();
    gbr = list.items.find((p) => p.value.nation === 'GBR')!;
  });
  afterAll(async () => {
    await w.close();
    await drop();
  });

  it('exports pledges, nations, requirements and coverage as CSV and XLSX, guarding formula-like cells', async () => {
    const coord = await w.login('coord');
    // A note that a spreadsheet would run as a formula.
    const evil = { ...gbr.value, note: '=HYPERLINK("http://x","y")' };
    const put = await w.call(coord, 'PUT', `${base()}/pledges/${gbr.value.id}`, {
      version: gbr.version,
      value: evil,
    });
    expect(put.statusCode, put.body).toBe(200);
    gbr = {
      version: put.json<{ item: Pledge }>().item.version,
      value: put.json<{ item: Pledge }>().item.value,
    };
    const viewer = await w.login('viewer');
    const csv = await w.call(viewer, 'GET', `${base()}/export.csv?table=pledges`);
    expect(csv.body.split('\r\n')[0]).toBe(
      'id,nation,unitType,units,missions,fromPeriod,toPeriod,conditions,status,statusDate,new,source,note,personnel,personnelWithRotation,active',
    );
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const table of ['pledges', 'nations', 'requirements', 'coverage']) {
      const x = await w.app.inject({
        method: 'GET',
        url: `${base()}/export.xlsx?table=${table}`,
        headers: { cookie: viewer.cookie },
      });
      expect(x.statusCode, table).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(table)!;
      expect(ws.rowCount, table).toBeGreaterThan(1);
      if (table === 'pledges') {
        const texts: string[] = [];
        ws.eachRow((r) => r.eachCell((c) => texts.push(c.text)));
        expect(texts).toContain(`'=HYPERLINK("http://x","y")`);
        expect(texts.some((t) => t.startsWith('='))).toBe(false);
        expect(ws.getRow(2).getCell(4).value).toBeTypeOf('number');
      }
    }
    expect((await w.call(viewer, 'GET', `${base()}/export.xlsx?table=users`)).statusCode).toBe(400);
  });

  it('previews a liaison’s sheet row by row, refuses other nations’ rows, and saves nothing until asked', async () => {
    const s = await w.login('gbr');
    const before = (await w.call(s, 'GET', base())).json<{ version: number }>();
    const sheet = [
      'id,nation,units,note',
      `${gbr.value.id},GBR,${gbr.value.units + 1},raised by the import`,
      `${gbr.value.id}-x,GBR,two,`,
      'fra-anything,FRA,1,',
      `,GBR,1,`,
    ].join('\n');
    const r = await w.call(s, 'POST', `${base()}/import`, { file: csvFile(sheet) });
    expect(r.statusCode, r.body).toBe(200);
    const rep = r.json<Report>();
    expect(rep).toMatchObject({ dryRun: true, ok: false, saved: null });
    expect(rep.rows.map((x) => [x.row, x.status])).toEqual([
      [2, 'changed'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
    ]);
    expect(rep.rows[1]!.problems[0]).toMatchObject({ column: 'units', message: '"two" is not a number' });
    expect(rep.rows[2]!.problems.map((p) => p.message).join()).toMatch(/only GBR's pledges|needs it/);
    expect(rep.rows[3]!.problems[0]).toMatchObject({ column: 'id' });
    // Confirming a sheet with rejected rows saves nothing and names sheet, row and column.
    const bad = await w.call(s, 'POST', `${base()}/import`, { file: csvFile(sheet), dryRun: false });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('"path":["gbr.csv",3,"units"]');
    expect((await w.call(s, 'GET', base())).json<{ version: number }>().version).toBe(before.version);
  });

  it('saves a clean sheet as one audited version; a stale preview is 409; XLSX works the same', async () => {
    const s = await w.login('gbr');
    const before = (await w.call(s, 'GET', base())).json<{ version: number }>();
    const sheet = `id,units\r\n${gbr.value.id},${gbr.value.units + 2}\r\n`;
    const stale = await w.call(s, 'POST', `${base()}/import`, {
      file: csvFile(sheet),
      dryRun: false,
      version: before.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const ok = await w.call(s, 'POST', `${base()}/import`, {
      file: csvFile(sheet),
      dryRun: false,
      version: before.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Report>()).toMatchObject({
      ok: true,
      counts: { changed: 1 },
      saved: { scenarioVersion: before.version + 1 },
    });
    const now = (await w.call(s, 'GET', `${base()}/pledges/${gbr.value.id}`)).json<Pledge>();
    expect(now.value.units).toBe(gbr.value.units + 2);
    expect(now.version).toBe(before.version + 1);
    const audit = (await w.call(s, 'GET', `${base()}/audit?limit=1`)).json<
      { action: string; actor: string }[]
    >();
    expect(audit[0]).toMatchObject({ action: 'pledge.update', actor: 'gbr' });
    // The same change again, from an XLSX workbook: unchanged, nothing to save.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('pledges');
    ws.addRow(['id', 'units']);
    ws.addRow([gbr.value.id, gbr.value.units + 2]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const x = await w.call(s, 'POST', `${base()}/import`, {
      file: { name: 'gbr.xlsx', format: 'xlsx', content },
      dryRun: false,
    });
    expect(x.statusCode, x.body).toBe(200);
    expect(x.json<Report>()).toMatchObject({ counts: { unchanged: 1 }, saved: null });
    const junk = await w.call(s, 'POST', `${base()}/import`, {
      file: { name: 'junk.xlsx', format: 'xlsx', content: 'bm90IGEgemlw' },
    });
    expect(junk.statusCode).toBe(400);
    expect(junk.json<{ error: { message: string } }>().error.message).toContain('junk.xlsx');
    expect(
      (await w.call(await w.login('viewer'), 'POST', `${base()}/import`, { file: csvFile(sheet) }))
        .statusCode,
    ).toBe(403);
  });

  it('replace: a liaison’s sheet is the whole of its nation’s table; rows missing are removed', async () => {
    const s = await w.login('gbr');
    const all = (await w.call(s, 'GET', `${base()}/pledges`)).json<{ items: Pledge[] }>().items;
    const own = all.filter((p) => p.value.nation === 'GBR');
    const r = await w.call(s, 'POST', `${base()}/import`, {
      file: csvFile(`id\n${own[0]!.value.id}\n`),
      mode: 'replace',
    });
    expect(r.json<Report>().counts.removed).toBe(own.length - 1);
    expect(r.json<{ removed: string[] }>().removed.every((id) => own.some((p) => p.value.id === id))).toBe(
      true,
    );
  });
});
