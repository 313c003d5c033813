// Scores the office enters (docs/api.md § Scores entered by the office):
// satisfaction (with its standard error) and leadership scores, unit inputs,
// and bonus / deduction / veto items. Reads `results.all`, writes `scores.write`;
// writes are silent (the page shows the server's message, e.g. a 409 for a stage
// that does not allow them).
import { http } from './request'
import type { Adjustment, NewAdjustment, ScoresUpdate, UnitScoresRow, YearInputs } from './types'

export const getInputs = (year: number) => http.get<YearInputs>(`/api/v1/years/${year}/inputs`)

export const putScores = (year: number, s: ScoresUpdate) =>
  http.put<UnitScoresRow>(`/api/v1/years/${year}/scores`, s, { silent: true })

export const putUnitInputs = (year: number, unitId: string, inputs: Record<string, number>) =>
  http.put<UnitScoresRow>(`/api/v1/years/${year}/unit-inputs`, { unit_id: unitId, inputs }, { silent: true })

export const addAdjustment = (year: number, a: NewAdjustment) =>
  http.post<Adjustment>(`/api/v1/years/${year}/adjustments`, a, { silent: true })

export const deleteAdjustment = (year: number, id: string) =>
  http.del<{ ok: boolean }>(`/api/v1/years/${year}/adjustments/${encodeURIComponent(id)}`, { silent: true })
