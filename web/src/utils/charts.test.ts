import { describe, expect, it } from 'vitest'
import { fairnessScatterOption, formatEfficiency, typeBalanceOption } from './charts'

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

describe('fairness scatter', () => {
  const pts = [
    { label: '望川区', x: 41546, total: 89.934, efficiency: 0.737, lines: ['预算（万元）: 41546'] },
    { label: '稻溪县', x: 28493, total: 89.877, efficiency: 1, lines: [] },
    { label: '松岚县', x: 19405, total: 81.384, efficiency: null, lines: [] },
    { label: '无投入', x: null, total: 70, efficiency: null, lines: [] },
  ]
  const opt = fairnessScatterOption(pts, { x: 'budget', y: 'total', efficiency: 'eff' }) as {
    series: { data: { i: number; value: (number | null)[]; label: { show: boolean } }[] }[]
    visualMap: { min: number; max: number; dimension: number; seriesIndex: number }
    tooltip: { formatter: (p: { data: { i: number } }) => string }
  }

  it('plots units with an efficiency coloured by it, the others grey, and skips units without the x input', () => {
    expect(opt.series[0].data.map((d) => d.value)).toEqual([[41546, 89.93, 0.737], [28493, 89.88, 1]])
    expect(opt.series[1].data.map((d) => d.i)).toEqual([2])
    expect(opt.visualMap).toMatchObject({ min: 0.5, max: 1, dimension: 2, seriesIndex: 0 })
    expect(opt.series[0].data.map((d) => d.label.show)).toEqual([false, true])
  })

  it('names the unit and its numbers in the tooltip', () => {
    const tip = opt.tooltip.formatter({ data: { i: 0 } })
    expect(tip).toContain('望川区')
    expect(tip).toContain('total: 89.93')
    expect(tip).toContain('预算（万元）: 41546')
    expect(tip).toContain('eff: 73.7%')
    expect(opt.tooltip.formatter({ data: { i: 2 } })).toContain('eff: —')
  })

  it('formats efficiency as a percentage', () => {
    expect(formatEfficiency(0.73731)).toBe('73.7%')
    expect(formatEfficiency(1)).toBe('100.0%')
    expect(formatEfficiency(null)).toBe('—')
  })
})
