/**
 * Spreadsheets in and out: a scenario table as CSV or XLSX, and the import of a pledge sheet with a
 * row-by-row report, previewed (`dryRun`) before anything is saved.
 */
import { z } from 'zod';
import {
  exportTable,
  loadSheet,
  sheetContentType,
  sheetFormats,
  type SheetFormat,
  tableNames,
  type TableName,
} from '../../app/index.js';
import type { AppDeps } from '../deps.js';
import { defineRoute, editors, everyone, issueList, queryParam, type RouteDef } from '../route.js';
import { versionParam } from './shared.js';

const tableParam = queryParam(
  `${tableNames.join(' | ')} (default pledges; coverage is what the pledged plan puts in place: the results)`,
  z.enum(tableNames),
);

const ImportBody = z.strictObject({
  file: z.strictObject({
    name: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'a file name without folders'),
    format: z.enum(sheetFormats),
    /** The CSV text, or the XLSX bytes in base64. */
    content: z.string().min(1),
  }),
  dryRun: z.boolean().default(true),
  mode: z.enum(['merge', 'replace']).default('merge'),
  /** The scenario version the preview was made against (409 if it moved on). */
  version: z.number().int().min(1).optional(),
});

function exportRoute(format: SheetFormat, deps: AppDeps): RouteDef {
  return defineRoute({
    method: 'GET',
    url: `/api/scenarios/:id/export.${format}`,
    summary: `A table as ${format === 'csv' ? 'RFC 4180 CSV' : 'an XLSX workbook'}: ?table=pledges (default), nations, requirements or coverage`,
    tag: 'exports',
    access: everyone,
    produces: sheetContentType[format],
    query: { table: tableParam, version: versionParam },
    handler: async (ctx) => {
      const id = ctx.params['id'] ?? '';
      const table: TableName = ctx.query.table ?? 'pledges';
      const d = await deps.workspace.document(id, ctx.query.version);
      const bytes = await exportTable(d.scenario, table, format);
      void ctx.reply
        .header('content-disposition', `attachment; filename="${id}-v${d.version}-${table}.${format}"`)
        .type(sheetContentType[format])
        .send(format === 'csv' ? bytes.toString('utf8') : bytes);
      return undefined;
    },
  });
}

export function spreadsheetRoutes(deps: AppDeps): RouteDef[] {
  return [
    exportRoute('csv', deps),
    exportRoute('xlsx', deps),
    defineRoute({
      method: 'POST',
      url: '/api/scenarios/:id/import',
      summary:
        'Import a pledge sheet ({file: {name, format: csv|xlsx, content}, dryRun (default true), mode: merge|replace, version}): a row-by-row report; saved only when dryRun is false and no row is rejected',
      tag: 'pledges',
      access: editors,
      body: { schema: ImportBody, refuse: (issues) => `import: ${issueList(issues)}` },
      handler: async (ctx) => {
        const f = ctx.body.file;
        const bytes = f.format === 'csv' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content, 'base64');
        const sheet = await loadSheet(bytes, f.name, f.format);
        return deps.workspace.importPledges(ctx.actor, ctx.params['id'] ?? '', sheet, {
          mode: ctx.body.mode,
          dryRun: ctx.body.dryRun,
          ...(ctx.body.version === undefined ? {} : { expected: ctx.body.version }),
        });
      },
    }),
  ];
}
