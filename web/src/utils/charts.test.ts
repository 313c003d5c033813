import { describe, expect, it } from 'vitest'
import { typeBalanceOption } from './charts'

describe('type balance chart', () => {
  it('stacks process first, in percent, with the warning line and ⚠ on process-dominated categories', () => {
    const opt = typeBalanceOption(
      [
        { label: '区县', by_type: { outcome: 0.55, output: 0.32, process: 0.13 }, warn: false },
        { label: '经济部门', by_type: { outcome: 0.2, output: 0.47, process: 0.33 }, warn: true },
      ],
      (t) => t,
      0.3,
      'process 30%',
    ) as { series: { name: string; data: number[]; markLine?: { data: { xAxis: number }[] } }[]; yAxis: { data: string[] } }
    expect(opt.series.map((s) => s.name)).toEqual(['process', 'output', 'outcome'])
    expect(opt.series[0].data).toEqual([13, 33])
    expect(opt.series[0].markLine?.data[0].xAxis).toBe(30)
    expect(opt.series[1].markLine).toBeUndefined()
    expect(opt.yAxis.data).toEqual(['区县', '⚠ 经济部门'])
  })

  it('keeps types outside the three known ones', () => {
    const opt = typeBalanceOption([{ label: 'C', by_type: { outcome: 0.9, innovation: 0.1 }, warn: false }], (t) => t, 0.3, '') as { series: { name: string }[] }
    expect(opt.series.map((s) => s.name)).toEqual(['process', 'output', 'outcome', 'innovation'])
  })
})
