// 权责清单 rows for the page: each duty item with the indicators that cover it,
// uncovered items first (they are what the office has to act on).
import type { DutyList } from '@/api/setting'

export interface DutyRow {
  id: string
  title: string
  basis: string
  category: string
  indicators: string[] // covering leaf ids, sorted
  uncovered: boolean
}

export function dutyRows(list: DutyList | null | undefined): DutyRow[] {
  if (!list) return []
  const by = new Map<string, string[]>()
  for (const l of list.links) by.set(l.item_id, [...(by.get(l.item_id) ?? []), l.indicator_id])
  const uncovered = new Set(list.uncovered.map((u) => u.id))
  const rows = list.items.map((i) => ({
    ...i,
    indicators: [...(by.get(i.id) ?? [])].sort(),
    uncovered: uncovered.has(i.id),
  }))
  return rows.sort((a, b) => Number(b.uncovered) - Number(a.uncovered) || a.id.localeCompare(b.id))
}

/** The items a leaf covers now (to pre-select them in the link dialog). */
export function itemsOf(list: DutyList | null | undefined, indicator: string): string[] {
  return (list?.links ?? []).filter((l) => l.indicator_id === indicator).map((l) => l.item_id).sort()
}
