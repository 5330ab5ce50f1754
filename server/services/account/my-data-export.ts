import { asc, eq } from 'drizzle-orm'
import { Workbook, type Worksheet } from 'exceljs'
import type { MyData, MyDataExport } from '../../../src/core/contracts/account'
import { LEDGER_KIND_LABELS, type LedgerKind } from '../../../src/core/ledger'
import { formatYuan } from '../../../src/core/money'
import { fileTimestamp, formatLocalTime } from '../../../src/core/period'
import type { Db } from '../../store/database'
import { ledgerEntries, photoChecks, photoDeletions, rules } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { myData } from './my-data'

const VERDICT_LABELS: Record<string, string> = { checking: '审核中', pass: '已通过', risky: '没有通过，别人看不到' }

/**
 * 我的信息 as one .xlsx (like the other exports): what the page shows, the household's whole ledger
 * line by line, and the photos the caller uploaded with their check. The caller's own only.
 */
export async function exportMyData(db: Db, openid: string, now = new Date()): Promise<MyDataExport> {
  const caller = await loadCaller(db, openid)
  const data = await myData(db, openid, now)
  const workbook = new Workbook()
  workbook.creator = '善治积分'
  workbook.created = now
  summarySheet(workbook.addWorksheet('我的信息'), data, now)
  if (caller.householdId) await ledgerSheet(db, workbook.addWorksheet('积分明细'), caller.householdId)
  await photoSheet(db, workbook.addWorksheet('我传的照片'), openid)
  return {
    fileName: `我的信息-${fileTimestamp(now)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64'),
  }
}

function table(sheet: Worksheet, header: string[], rows: (string | number)[][]) {
  sheet.addRow(header).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  sheet.columns.forEach((column) => (column.width = 24))
}

function summarySheet(sheet: Worksheet, data: MyData, now: Date) {
  const h = data.household
  const time = (at: string | null) => (at ? formatLocalTime(at) : '无')
  const rows: [string, string | number][] = [
    ['导出时间', formatLocalTime(now)],
    ['我的名字', data.me.displayName],
    ['第一次用小程序', time(data.me.firstSeenAt)],
    ['长辈模式', data.me.elderMode ? '开' : '关'],
    ['工作人员身份', data.me.roles.map((r) => `${r.org} ${r.label}`).join('、') || '无'],
    ['站内消息', data.me.messages],
    ['订阅消息授权（剩余次数）', data.me.subscriptions],
    ['提过的议事', `${data.matters.raised} 件（没办结 ${data.matters.open} 件）`],
    ['上传的照片', `${data.photos.uploaded} 张（审核中 ${data.photos.checking}，没通过 ${data.photos.hidden}，已删除 ${data.photos.deleted}）`],
    ['从微信群打开过通报', data.groups.map((g) => `${g.village}（${time(g.at)}）`).join('、') || '无'],
  ]
  if (h) {
    rows.push(
      ['绑定的户', `${h.village} ${h.group ?? ''} ${h.houseNo} ${h.name}`],
      ['股数', h.shares],
      ['花名册上的家庭成员', h.memberNames.join('、') || '无'],
      ['绑定了微信的人', h.boundMembers.map((m) => `${m.displayName}（${time(m.boundAt)} 起）`).join('、')],
      ['积分余额', h.balance],
      ['积分记录', `${h.ledger.entries} 条，共加 ${h.ledger.earned} 分，共扣 ${h.ledger.deducted} 分`],
      ['通报', `${h.notices.total} 条（待整改 ${h.notices.open} 条）`],
      ['申报', h.claims],
      ['申诉', h.appeals],
      ['积分兑换', `${h.redemptions.count} 次，用了 ${h.redemptions.points} 分`],
      ['分红', h.dividends.map((d) => `${d.year} 年 ${formatYuan(d.amountFen)}`).join('、') || '无'],
      ...h.certificates.map((c): [string, string] => [
        `积分证明（${c.bankName}）`,
        `${time(c.issuedAt)} 开具，${c.status}；银行查看 ${c.lookedAt.length} 次${c.lookedAt.length ? `：${c.lookedAt.map(time).join('、')}` : ''}`,
      ]),
    )
  }
  table(sheet, ['项目', '内容'], rows)
}

async function ledgerSheet(db: Db, sheet: Worksheet, householdId: string) {
  const entries = await db
    .select({ entry: ledgerEntries, rule: rules.title })
    .from(ledgerEntries)
    .leftJoin(rules, eq(rules.id, ledgerEntries.ruleId))
    .where(eq(ledgerEntries.householdId, householdId))
    .orderBy(asc(ledgerEntries.id))
  table(
    sheet,
    ['时间', '类别', '细则', '分数', '之后余额', '说明'],
    entries.map(({ entry, rule }) => [formatLocalTime(entry.createdAt), LEDGER_KIND_LABELS[entry.kind as LedgerKind], rule ?? '', entry.points, entry.balanceAfter, entry.note]),
  )
}

async function photoSheet(db: Db, sheet: Worksheet, openid: string) {
  const photos = await db
    .select({ fileId: photoChecks.fileId, verdict: photoChecks.verdict, at: photoChecks.createdAt, deletedAt: photoDeletions.deletedAt })
    .from(photoChecks)
    .leftJoin(photoDeletions, eq(photoDeletions.fileId, photoChecks.fileId))
    .where(eq(photoChecks.uploaderOpenid, openid))
    .orderBy(asc(photoChecks.createdAt))
  table(
    sheet,
    ['上传时间', '微信的审核', '删除时间', '照片编号'],
    photos.map((p) => [formatLocalTime(p.at), VERDICT_LABELS[p.verdict] ?? p.verdict, p.deletedAt ? formatLocalTime(p.deletedAt) : '', p.fileId]),
  )
}
