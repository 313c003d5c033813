// Workbooks in and out (Excel, CSV): exports and templates as downloads,
// imports with a dry run first. docs/api.md "Workbooks in and out".
import { http } from './request'

export type ImportWhat = 'units' | 'scheme' | 'targets' | 'values'
export type ExportWhat = 'units' | 'scheme' | 'targets' | 'values' | 'results'

export interface ImportChange {
  op: 'added' | 'changed' | 'removed'
  entity: string
  key: string
  before: unknown
  after: unknown
}

export interface ImportReport {
  ok: boolean
  what: ImportWhat
  year: number
  dry_run: boolean
  applied: boolean
  year_created: boolean
  counts: Record<string, number>
  total_changes: number
  changes: ImportChange[]
  notes: string[]
}

export interface CellError {
  sheet: string
  cell: string
  message: string
}

/** The import route of a kind of workbook. */
export function importPath(what: ImportWhat, year?: number): string {
  return what === 'units' ? '/api/v1/org/import' : `/api/v1/years/${year}/${what}/import`
}

/** The export route of a kind of workbook. */
export function exportPath(what: ExportWhat, year?: number): string {
  return what === 'units' ? '/api/v1/org/export' : `/api/v1/years/${year}/${what}/export`
}

/** Imports a workbook (or CSV); `dryRun` changes nothing. Silent: the dialog lists the errors. */
export const importWorkbook = (what: ImportWhat, year: number | undefined, file: File, opts: { dryRun: boolean; defaultMethod?: string }) =>
  http.upload<ImportReport>(importPath(what, year), file, {
    query: { dry_run: opts.dryRun ? 1 : undefined, filename: file.name, default_method: opts.defaultMethod || undefined },
    contentType: file.name.toLowerCase().endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    silent: true,
  })

export const exportWorkbook = (what: ExportWhat, year?: number, format: 'xlsx' | 'csv' = 'xlsx') =>
  http.download(exportPath(what, year), { query: { format } })

export const downloadTemplate = (what: ImportWhat) => http.download(`/api/v1/templates/${what}`)
