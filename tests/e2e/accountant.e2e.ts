import { Workbook } from 'exceljs'
import { readFileSync } from 'node:fs'
import type { DividendPreview, MyDividends } from '../../src/core/contracts/dividend'
import type { RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { formatYuan } from '../../src/core/money'
import { eventually } from './support/eventually'
import { callAs, dataOf, THIS_YEAR } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, visibleText } from './support/ui'

jest.setTimeout(240_000)

const YEAR = THIS_YEAR

/**
 * Journey: the micro-grid leader scores a few households this year; accountant 徐美芳 drafts the
 * 赵家桥村 dividend (56.16万元, 1/6 incentive), reviews and publishes it, exports the Excel sheet and
 * the CSV; villager 张建国 opens 我家的分红 and sees his line with the arithmetic, then the
 * village's published list with the other names masked.
 */
describeInBrowser('accountant journey: annual dividend draft, publish, export (H5 demo mode)', () => {
  const journey = startJourney()

  beforeAll(async () => {
    // Arrange: this year's points, earned the normal way (a grid leader's inspection).
    const rules = dataOf(await callAs<RuleSetView>(journey.gateway.baseUrl, 'demo-grid-leader', 'score', { action: 'rules', orgId: 'v-zjq' }))
    const rule = rules.rules.find((r) => r.points > 0 && !r.evidenceRequired)
    if (!rule) throw new Error('the demo rule set has no positive rule without evidence')
    const scored = dataOf(
      await callAs<SubmitResult>(journey.gateway.baseUrl, 'demo-grid-leader', 'score', {
        action: 'submit',
        requestId: 'e2e-dividend-score-1',
        householdIds: ['h-zjq-01', 'h-zjq-02', 'h-zjq-03', 'h-zjq-04'],
        ruleId: rule.id,
        note: '庭院整洁',
      }),
    )
    expect(scored.results.every((r) => r.status === 'applied')).toBe(true)
  })


  /** Waits until the journey.page has finished sliding in (H5 journey.page transition), so a screenshot shows it whole. */
  async function settled(selector: string) {
    await journey.page.waitForFunction((s) => {
      const box = document.querySelector(s)?.getBoundingClientRect()
      return box !== undefined && Math.abs(box.left) < 1
    }, selector)
  }

  async function download(button: string): Promise<Buffer> {
    const [file] = await Promise.all([journey.page.waitForEvent('download'), visibleText(journey.page, button).click()])
    return readFileSync((await file.path())!)
  }

  it('accountant 徐美芳 drafts, reviews, publishes and exports the 赵家桥村 dividend', async () => {
    const expected = dataOf(
      await callAs<DividendPreview>(journey.gateway.baseUrl, 'demo-accountant', 'dividend', {
        action: 'preview',
        orgId: 'v-zjq',
        year: YEAR,
        totalFen: 56_160_000,
        incentiveRatio: '1/6',
        method: 'proportional',
      }),
    )
    expect(expected.incentiveFen).toBe(9_360_000)

    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '合作社会计 徐美芳（赵家桥村）')
    await visibleText(journey.page, '年度分红').click()
    await visibleText(journey.page, '新建分红方案').waitFor()
    await journey.page.locator('.dividend-form__total input').fill('561600')
    await visibleText(journey.page, '试算').click()
    await visibleText(journey.page, '试算结果').waitFor()
    await visibleText(journey.page, '核对：各户相加正好等于总额 ✓').waitFor()
    const withIncentive = expected.lines.filter((l) => l.incentiveFen > 0).length
    expect(withIncentive).toBeGreaterThanOrEqual(4)
    await visibleText(journey.page, `共 32 户，其中 ${withIncentive} 户分到积分激励。`).waitFor()
    await saveScreenshot(journey.page, 'dividend-01-preview')

    await visibleText(journey.page, '保存为草稿，逐户核对').click()
    await visibleText(journey.page, '逐户明细（32 户）').waitFor()
    await eventually(() => journey.page.locator('.run-line').count(), (value) => expect(value).toBe(32))
    const zhang = expected.lines.find((l) => l.householdId === 'h-zjq-01')!
    await eventually(() => journey.page.locator('.run-line', { hasText: '张建国' }).innerText(), (value) => expect(value).toContain(`${formatYuan(zhang.totalFen)} 元`))
    await settled('.dividend-run')
    await saveScreenshot(journey.page, 'dividend-02-draft')

    await visibleText(journey.page, '核对无误，公示').click()
    await visibleText(journey.page, '确认公示').click()
    await journey.page.locator('.dividend-run .run-state--published').waitFor()
    await saveScreenshot(journey.page, 'dividend-03-published')

    const workbook = new Workbook()
    await workbook.xlsx.load((await download('导出 Excel 表（记账、银行代发）')) as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('分红明细')!
    expect(String(sheet.getCell(1, 1).value)).toContain('赵家桥村股份经济合作社')
    expect(sheet.getCell(5 + 32, 1).value).toBe('合计')
    expect(sheet.getCell(5 + 32, 8).value).toBe(561_600)

    const csv = (await download('导出 CSV')).toString('utf8')
    const rows = csv.trim().split('\r\n').slice(1)
    expect(rows).toHaveLength(32)
    expect(rows.reduce((sum, row) => sum + Math.round(Number(row.split(',')[7]) * 100), 0)).toBe(56_160_000)
    await journey.page.getByText(/^已下载：/).waitFor()
    await saveScreenshot(journey.page, 'dividend-04-exported')
  })

  it('villager 张建国 sees his own line with the arithmetic, and the village list with other names masked', async () => {
    const mine = dataOf(await callAs<MyDividends>(journey.gateway.baseUrl, 'demo-villager', 'dividend', { action: 'mine' }))
    const [year] = mine.years
    expect(year.line.incentiveFen).toBeGreaterThan(0)

    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '村民 张建国（赵家桥村1组）')
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/dividend/index`)
    await visibleText(journey.page, `${YEAR}年度 张建国 家分红`).waitFor()
    await eventually(() => journey.page.locator('.my-dividend__total').first().innerText(), (value) => expect(value).toMatch(new RegExp(`^\\s*${formatYuan(year.line.totalFen)}\\s*元\\s*$`)))
    await visibleText(journey.page, year.explanation.basic).waitFor()
    await visibleText(journey.page, year.explanation.incentive).waitFor()
    await visibleText(journey.page, year.explanation.total).waitFor()
    await settled('.my-dividend')
    await saveScreenshot(journey.page, 'dividend-05-mine')

    await visibleText(journey.page, '看全村公示名单').click()
    await journey.page.locator('.dividend-list__mine').waitFor()
    await settled('.dividend-list')
    await eventually(() => journey.page.locator('.dividend-list__mine').innerText(), (value) => expect(value).toContain('张建国'))
    await eventually(() => journey.page.locator('.run-line', { hasText: '李秀英' }).count(), (value) => expect(value).toBe(0))
    await eventually(() => journey.page.locator('.run-line', { hasText: '李**' }).count(), (value) => expect(value).toBe(1))
    await saveScreenshot(journey.page, 'dividend-06-public-list')
  })
})
