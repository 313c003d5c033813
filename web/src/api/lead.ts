import { http } from './request'
import type { LeadIndicators, PutValue } from './types'

export const getLeadIndicators = (year?: number, silent = false) =>
  http.get<LeadIndicators>('/api/v1/lead/indicators', { query: { year }, silent })

/** Writes one value (`values.write`); the caller shows the error message itself. */
export const putValue = (year: number, value: PutValue) =>
  http.put<{ ok: boolean }>(`/api/v1/years/${year}/values`, value, { silent: true })
