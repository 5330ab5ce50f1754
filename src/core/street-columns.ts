import type { StreetRow } from './contracts/street'
import { formatYuan } from './money'
import { formatLocalTime } from './period'

/**
 * The columns of the street's view, once, for the screen and the .xlsx alike: a label, the number
 * a column sorts by (null sorts last) and the text a person reads. The file carries the same text,
 * so the numbers cannot drift apart.
 */
export type StreetColumn = { key: string; label: string; sortValue: (row: StreetRow) => number | null; text: (row: StreetRow) => string }

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 1000) / 10}%`
}

function count(value: (row: StreetRow) => number): Pick<StreetColumn, 'sortValue' | 'text'> {
  return { sortValue: value, text: (row) => String(value(row)) }
}

function share(value: (row: StreetRow) => number | null): Pick<StreetColumn, 'sortValue' | 'text'> {
  return { sortValue: value, text: (row) => percent(value(row)) }
}

function hours(value: (row: StreetRow) => number | null): Pick<StreetColumn, 'sortValue' | 'text'> {
  return { sortValue: value, text: (row) => (value(row) === null ? '—' : String(value(row))) }
}

const DIVIDEND_STATUS = { draft: '草稿', published: '已公示' } as const

export const STREET_COLUMNS: readonly StreetColumn[] = [
  { key: 'households', label: '户数', ...count((r) => r.households) },
  { key: 'bound', label: '已绑定户', ...count((r) => r.boundHouseholds) },
  { key: 'coverage', label: '绑定覆盖', ...share((r) => (r.households ? r.boundHouseholds / r.households : null)) },
  { key: 'members', label: '绑定人数', ...count((r) => r.boundMembers) },
  { key: 'given', label: '加分', ...count((r) => r.given) },
  { key: 'deducted', label: '扣分', ...count((r) => r.deducted) },
  { key: 'net', label: '净得分', ...count((r) => r.net) },
  { key: 'opened', label: '整改通报', ...count((r) => r.rectification.opened) },
  { key: 'rectified', label: '已整改', ...count((r) => r.rectification.rectified) },
  { key: 'overdue', label: '逾期', ...count((r) => r.rectification.overdue) },
  { key: 'rate', label: '整改率', ...share((r) => r.rectification.rate) },
  { key: 'medianHours', label: '整改用时(小时,中位)', ...hours((r) => r.rectification.medianHoursToRectify) },
  { key: 'claims', label: '待审认领', ...count((r) => r.claims.count) },
  { key: 'claimsOldest', label: '认领最久(小时)', ...hours((r) => r.claims.oldestHours) },
  { key: 'appeals', label: '待处理申诉', ...count((r) => r.appeals.count) },
  { key: 'appealsOldest', label: '申诉最久(小时)', ...hours((r) => r.appeals.oldestHours) },
  { key: 'spent', label: '超市兑换', ...count((r) => r.spent) },
  {
    key: 'dividendStatus',
    label: '分红',
    sortValue: (r) => (r.dividend ? r.dividend.year * 10 + (r.dividend.status === 'published' ? 1 : 0) : null),
    text: (r) => (r.dividend ? `${r.dividend.year}年${DIVIDEND_STATUS[r.dividend.status]}` : '—'),
  },
  { key: 'dividendTotal', label: '分红总额(元)', sortValue: (r) => r.dividend?.totalFen ?? null, text: (r) => (r.dividend ? formatYuan(r.dividend.totalFen) : '—') },
  { key: 'incentiveShare', label: '积分激励占比', ...share((r) => r.dividend?.incentiveShare ?? null) },
  {
    key: 'publishedAt',
    label: '公示日期',
    sortValue: (r) => (r.dividend?.publishedAt ? Date.parse(r.dividend.publishedAt) : null),
    text: (r) => (r.dividend?.publishedAt ? formatLocalTime(r.dividend.publishedAt).slice(0, 10) : '—'),
  },
  { key: 'mattersRaised', label: '议事提出', ...count((r) => r.matters.raised) },
  { key: 'mattersClosed', label: '议事办结', ...count((r) => r.matters.closed) },
  { key: 'mattersOverdue', label: '议事逾期', ...count((r) => r.matters.overdue) },
  { key: 'satisfaction', label: '议事满意率', ...share((r) => r.matters.satisfaction) },
]

/** Rows sorted by a column, largest first (or smallest first); rows without a value last, then by name's order. */
export function sortStreetRows(rows: readonly StreetRow[], key: string, descending: boolean): StreetRow[] {
  const column = STREET_COLUMNS.find((c) => c.key === key)
  if (!column) return [...rows]
  return rows
    .map((row, index) => ({ row, index, value: column.sortValue(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1
      return a.value === b.value ? a.index - b.index : descending ? b.value - a.value : a.value - b.value
    })
    .map(({ row }) => row)
}
