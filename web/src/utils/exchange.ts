// Import dialog logic: the cell errors of a refused file, the change counts
// in a stable order, and a change's before/after for display.
import { ApiError } from '@/api/request'
import type { CellError, ImportChange } from '@/api/exchange'

/** Every cell error the server listed (`details.errors`); [] for another error. */
export function cellErrors(err: unknown): CellError[] {
  if (!(err instanceof ApiError)) return []
  const list = err.details.errors
  if (!Array.isArray(list)) return []
  return list
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({ sheet: String(e.sheet ?? ''), cell: String(e.cell ?? ''), message: String(e.message ?? '') }))
}

/** "指标体系!D17", "指标体系", "D17" or "" — where an error is. */
export function cellRef(e: CellError): string {
  if (e.sheet && e.cell) return `${e.sheet}!${e.cell}`
  return e.sheet || e.cell
}

export interface CountRow {
  entity: string
  added: number
  changed: number
  removed: number
}

/** `{"unit.added": 3, "target.changed": 12}` → one row per entity (sorted), ops as columns. */
export function countRows(counts: Record<string, number>): CountRow[] {
  const by = new Map<string, CountRow>()
  for (const [k, n] of Object.entries(counts ?? {})) {
    const dot = k.lastIndexOf('.')
    const entity = dot > 0 ? k.slice(0, dot) : k
    const op = dot > 0 ? k.slice(dot + 1) : 'changed'
    const row = by.get(entity) ?? { entity, added: 0, changed: 0, removed: 0 }
    if (op === 'added' || op === 'changed' || op === 'removed') row[op] += n
    by.set(entity, row)
  }
  const order = ['category', 'unit', 'indicator', 'target', 'value']
  const idx = (e: string) => (order.indexOf(e) < 0 ? order.length : order.indexOf(e))
  return [...by.values()].sort((a, b) => idx(a.entity) - idx(b.entity) || a.entity.localeCompare(b.entity))
}

/** A before/after value for display: '' for nothing, JSON for objects. */
export function changeValue(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

/** Tag colour of a change op. */
export function opTag(op: ImportChange['op']): 'success' | 'warning' | 'danger' {
  return op === 'added' ? 'success' : op === 'removed' ? 'danger' : 'warning'
}

/** Accept attribute and a check of the picked file's name. */
export const WORKBOOK_ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
export function isWorkbookName(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name)
}
