/**
 * A measured figure and the budget it is held to. `max` figures (ratios, statements) must stay at
 * or under their budget; `min` figures (throughput ratios) at or over it. A `reported` figure has no
 * budget of its own (an absolute time, or a size held only to WeChat's limit where there is one):
 * it is judged through its ratio to a baseline of the same run. A `reference` is a baseline itself
 * (Taro's empty app, the baseline call's time).
 */
export type Figure = {
  id: string
  label: string
  value: number
  unit: 'KB' | 'ms' | 'statements' | '×' | '/s'
  direction?: 'max' | 'min'
  /** WeChat's own limit, where one applies. */
  limit?: number
  reference?: boolean
  reported?: boolean
}

export type Judged = Figure & { budget?: number; verdict: 'ok' | 'OVER' | 'NO BUDGET' | 'reference' | 'reported' }

/** 2 × measured (½ for throughput), rounded outwards to two significant figures: the rule the budgets were set by. */
export function proposedBudget(figure: Figure): number {
  const target = figure.direction === 'min' ? figure.value / 2 : figure.value * 2
  if (target === 0) return 0
  const step = 10 ** (Math.floor(Math.log10(Math.abs(target))) - 1)
  // toPrecision drops the binary float's tail (4.6000000000000005 → 4.6).
  return Number(((figure.direction === 'min' ? Math.floor(target / step) : Math.ceil(target / step)) * step).toPrecision(12))
}

export function judge(figure: Figure, budgets: Readonly<Record<string, number>>): Judged {
  if (figure.reference) return { ...figure, verdict: 'reference' }
  if (figure.reported) return { ...figure, verdict: figure.limit === undefined || figure.value <= figure.limit ? 'reported' : 'OVER' }
  const budget = budgets[figure.id]
  if (budget === undefined) return { ...figure, verdict: 'NO BUDGET' }
  const within = figure.direction === 'min' ? figure.value >= budget : figure.value <= budget && (figure.limit === undefined || figure.value <= figure.limit)
  return { ...figure, budget, verdict: within ? 'ok' : 'OVER' }
}

export function show(value: number | undefined, unit: Figure['unit']): string {
  if (value === undefined) return '—'
  const digits = unit === 'ms' && value < 10 ? 2 : unit === 'ms' && value < 100 ? 1 : unit === '×' ? (value < 10 ? 2 : 1) : 0
  const number = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  return unit === '×' ? `${number}×` : `${number} ${unit}`
}

/** One aligned console line per figure: measured, budget (≤ or ≥), WeChat limit, verdict. */
export function consoleLines(judged: readonly Judged[]): string[] {
  const width = Math.max(...judged.map((j) => [...j.label].length))
  return judged.map((j) => {
    const relation = j.direction === 'min' ? '≥' : '≤'
    const budget = j.reference ? 'reference' : j.reported ? 'reported (judged by its ratio)' : j.budget === undefined ? `no budget (2× rule: ${show(proposedBudget(j), j.unit)})` : `budget ${relation} ${show(j.budget, j.unit)}`
    const limit = j.limit === undefined ? '' : `  WeChat limit ≤ ${show(j.limit, j.unit)}`
    return `${j.verdict === 'OVER' || j.verdict === 'NO BUDGET' ? '✗' : '✓'} ${j.label.padEnd(width + 1)} ${show(j.value, j.unit).padStart(12)}   ${budget}${limit}`
  })
}

/** The figures as a markdown table. */
export function markdownTable(judged: readonly Judged[]): string {
  const rows = judged.map((j) => {
    const relation = j.direction === 'min' ? '≥' : '≤'
    const budget = j.reference ? 'reference' : j.reported ? 'by ratio' : j.budget === undefined ? '—' : `${relation} ${show(j.budget, j.unit)}`
    return `| ${j.label} | ${show(j.value, j.unit)} | ${budget} | ${j.limit === undefined ? '' : `≤ ${show(j.limit, j.unit)}`} | ${j.verdict} |`
  })
  return ['| figure | measured | budget | WeChat limit | |', '| --- | ---: | ---: | ---: | --- |', ...rows].join('\n')
}
