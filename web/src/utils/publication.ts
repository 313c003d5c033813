// 公示 and appeals (申诉): what a page shows and which action a role may take
// on an appeal. The server stays the judge (a refused action answers 403/409
// with its message); these rules only decide which buttons to show.
import type { Appeal, PublicationState } from '@/api/publication'

export type WindowPhase = 'none' | 'open' | 'closed'

/** Where the year's 公示 window stands today. */
export function windowPhase(s: Pick<PublicationState, 'window' | 'today'> | null | undefined): WindowPhase {
  if (!s || !s.window) return 'none'
  return s.today >= s.window.start_date && s.today <= s.window.end_date ? 'open' : 'closed'
}

export interface Actor {
  role: string
  unit_id?: string
}

/** A unit (or lead department, for its own unit) may appeal while the window is open. */
export function mayFile(actor: Actor, state: PublicationState | null | undefined): boolean {
  if (!state || state.status !== 'preliminary' || windowPhase(state) !== 'open') return false
  return actor.role === 'unit' || actor.role === 'lead' || actor.role === 'admin'
}

/**
 * May `actor` answer `a`? The office any filed appeal; a lead department a
 * filed indicator appeal on an indicator it leads, never its own unit's
 * (利益回避). `leads(indicatorId)` tells whether the actor's unit leads it.
 */
export function mayAnswer(actor: Actor, a: Appeal, leads: (indicatorId: string) => boolean): boolean {
  if (a.state !== 'filed') return false
  if (actor.role === 'admin') return true
  return actor.role === 'lead' && a.kind === 'indicator' && a.unit_id !== actor.unit_id && leads(a.indicator_id)
}

/** Only the office decides, once. */
export function mayDecide(actor: Actor, a: Appeal): boolean {
  return actor.role === 'admin' && (a.state === 'filed' || a.state === 'answered')
}

/** Appeals still awaiting the office's decision (publication waits for them). */
export function undecided(appeals: readonly Appeal[]): number {
  return appeals.filter((a) => a.state === 'filed' || a.state === 'answered').length
}

/** What the office still needs before publishing, as i18n keys (empty: ready). */
export function publishBlockers(state: PublicationState | null | undefined, appeals: readonly Appeal[]): string[] {
  const out: string[] = []
  if (!state || state.status !== 'preliminary') return ['publication.block.notPreliminary']
  const phase = windowPhase(state)
  if (phase === 'none') out.push('publication.block.noWindow')
  if (phase === 'open') out.push('publication.block.windowOpen')
  if (undecided(appeals) > 0) out.push('publication.block.appeals')
  if (!state.approval) out.push('publication.block.approval')
  return out
}

/** A SHA-256 shortened for display: first and last 8 hex digits. */
export function shortHash(h: string | null | undefined): string {
  if (!h) return ''
  return h.length <= 20 ? h : `${h.slice(0, 8)}…${h.slice(-8)}`
}
