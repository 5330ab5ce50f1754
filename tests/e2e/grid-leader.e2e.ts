import type { HouseholdList } from '../../src/core/contracts/account'
import type { BeautyChart, LedgerPage, RuleSetView } from '../../src/core/contracts/score'
import { beautyRows } from '../../src/work/beauty-chart/beauty-rows'
import { signedPoints } from '../../src/core/villager-labels'
import { eventually } from './support/eventually'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { drawJpeg, pickPhoto } from './support/photos'
import { settled, switchDemoIdentity, visibleText, workButton } from './support/ui'

jest.setTimeout(240_000)

const RULE_TITLE = '房前屋后乱堆乱放'
const MICRO_GRID = 'mg-zjq-1-1'
const PICKED = ['张建国', '李秀英']

/**
 * Journey (issue 3, scorer side): grid leader 王卫东 walks 第一网格1号微网格, ticks 张建国 and 李秀英,
 * picks the deduction “房前屋后乱堆乱放” (−5, photo required), adds a photo, confirms; the first
 * answer is lost on the way back (network failure), 重试提交 resends the same requestId and the
 * households are scored once. He walks three more households with 房前屋后整洁有序 (+2) and opens
 * his micro-grid's 美丽积分图. Then cadre 陈明华 opens the 美丽积分图 of the micro-grid, and selects the
 * whole village in 入户评分.
 */
describeInBrowser('grid leader journey: inspection walks and 美丽积分图 (H5 demo mode)', () => {
  const journey = startJourney()

  it('grid leader 王卫东 scores 张建国 and 李秀英 with a deduction and a photo, once despite a lost answer', async () => {
    const before = dataOf(
      await callAs<HouseholdList>(journey.gateway.baseUrl, 'demo-grid-leader', 'account', { action: 'households', orgId: MICRO_GRID }),
    ).households.filter((h) => PICKED.includes(h.name))
    expect(before).toHaveLength(2)

    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await switchDemoIdentity(journey.page, '微网格长 王卫东（第一网格1号微网格）')
    await visibleText(journey.page, '微网格长 · 第一网格1号微网格').waitFor()
    await saveScreenshot(journey.page, 'inspect-00-home-grid-leader')
    await visibleText(journey.page, '入户评分').click()

    // Step 1: tick two households.
    await visibleText(journey.page, '第一网格1号微网格 共 8 户').waitFor()
    for (const name of PICKED) await visibleText(journey.page, name).click()
    await visibleText(journey.page, '已选 2 户').waitFor()
    await saveScreenshot(await settled(journey.page), 'inspect-01-households')

    // Step 2: the rule; deductions are marked red.
    await visibleText(journey.page, '下一步：选细则').click()
    await visibleText(journey.page, RULE_TITLE).waitFor()
    await eventually(() => journey.page.locator('.rule-pick--minus').filter({ visible: true }).filter({ hasText: RULE_TITLE }).count(), (value) => expect(value).toBe(1))
    await saveScreenshot(journey.page, 'inspect-02-rules')
    await visibleText(journey.page, RULE_TITLE).click()

    // Step 3: the photo is required; pick one through the file input Taro.chooseImage opens in H5.
    await visibleText(journey.page, '这条细则必须拍照留证，请先拍一张照片。').waitFor()
    const jpeg = await drawJpeg(journey.page, '#8a6d3b')
    await pickPhoto(journey.page, '拍照或选照片', jpeg, 'clutter.jpg')
    await journey.page.locator('.photo-picker__photo').filter({ visible: true }).first().waitFor()
    await journey.page.locator('.inspect__note textarea').fill('门口堆了建筑垃圾')
    await saveScreenshot(journey.page, 'inspect-03-evidence')
    await visibleText(journey.page, '下一步：核对').click()

    // Step 4: confirm. The first answer is lost after the server has scored: the journey.page must resend the same requestId.
    await visibleText(journey.page, '确认提交（2 户）').waitFor()
    await saveScreenshot(journey.page, 'inspect-04-confirm')
    const sentIds: string[] = []
    let dropped = false
    await journey.page.route('**/api/functions/score', async (route) => {
      const body = route.request().postDataJSON() as { action: string; requestId?: string }
      if (body.action !== 'submit') return route.continue()
      sentIds.push(body.requestId ?? '')
      if (dropped) return route.continue()
      dropped = true
      await route.fetch() // the server does the work…
      return route.abort('connectionreset') // …and the answer never arrives.
    })
    await visibleText(journey.page, '确认提交（2 户）').click()
    // No answer came: the walk stays on the phone as 待上传 and is sent again with the same requestId.
    await visibleText(journey.page, '已存在手机里，待上传').waitFor()
    await saveScreenshot(journey.page, 'inspect-05-network-failure')
    await visibleText(journey.page, '看待上传的评分').click()
    await visibleText(journey.page, '现在上传').click()
    await visibleText(journey.page, '手机里没有待上传的评分，都已经上传了。').waitFor()
    await journey.page.unroute('**/api/functions/score')
    expect(sentIds).toHaveLength(2)
    expect(sentIds[1]).toBe(sentIds[0])
    await saveScreenshot(journey.page, 'inspect-06-result')

    // Through the API: one entry per household, with the rule and the photo, and the balance moved once.
    for (const household of before) {
      const ledger = dataOf(
        await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-grid-leader', 'score', { action: 'ledger', householdId: household.id }),
      )
      const lines = ledger.lines.filter((line) => line.rule?.title === RULE_TITLE)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatchObject({ kind: 'score', points: -5, note: '门口堆了建筑垃圾', scorer: { name: '王卫东' } })
      expect(lines[0].photos).toHaveLength(1)
      expect(lines[0].photos[0]).toMatch(/^local:\/\/.+\.jpg$/)
      expect(ledger.balance).toBe(household.balance - 5)
      const photo = await fetch(`${journey.gateway.baseUrl}/api/photos/${lines[0].photos[0].slice('local://'.length)}`, {
        headers: { 'x-dev-openid': 'demo-grid-leader' },
      })
      expect(photo.status).toBe(200)
      expect(Buffer.from(await photo.arrayBuffer()).equals(jpeg)).toBe(true)
    }

    // 我的评分记录 lists both.
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await visibleText(journey.page, '我的评分记录').click()
    const mine = journey.page.locator('.record-card').filter({ visible: true }).filter({ hasText: RULE_TITLE })
    await mine.first().waitFor()
    await eventually(() => mine.first().innerText(), (value) => expect(value).toContain('门口堆了建筑垃圾'))
    await saveScreenshot(await settled(journey.page), 'inspect-07-my-inspections')
  })

  it('王卫东 walks three more households with 房前屋后整洁有序 (+2), then opens the 美丽积分图 of his micro-grid', async () => {
    const others = dataOf(
      await callAs<HouseholdList>(journey.gateway.baseUrl, 'demo-grid-leader', 'account', { action: 'households', orgId: MICRO_GRID }),
    ).households.filter((h) => !PICKED.includes(h.name)).slice(0, 3)
    expect(others).toHaveLength(3)

    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await visibleText(journey.page, '微网格长 · 第一网格1号微网格').waitFor()
    await visibleText(journey.page, '入户评分').click()
    await visibleText(journey.page, '第一网格1号微网格 共 8 户').waitFor()
    for (const household of others) await visibleText(journey.page, household.name).click()
    await visibleText(journey.page, '已选 3 户').waitFor()
    await visibleText(journey.page, '下一步：选细则').click()
    await visibleText(journey.page, '房前屋后整洁有序').click()
    await visibleText(journey.page, '下一步：核对').click()
    await visibleText(journey.page, '确认提交（3 户）').click()
    await visibleText(journey.page, '已提交 3 户').waitFor()
    for (const household of others) {
      const row = journey.page.locator('.inspect__result').filter({ visible: true }).filter({ hasText: household.name })
      await eventually(() => row.innerText(), (value) => expect(value).toMatch(new RegExp(`已记分[\\s\\S]*现在 ${household.balance + 2} 分`)))
    }
    await saveScreenshot(journey.page, 'inspect-08-second-walk')

    // His own micro-grid's chart opens at once (no grid to choose); this month shows −5 and +2.
    const chart = dataOf(await callAs<BeautyChart>(journey.gateway.baseUrl, 'demo-grid-leader', 'score', { action: 'beautyChart', orgId: MICRO_GRID, months: 6 }))
    await journey.page.goto(`${journey.gateway.baseUrl}/#/pages/home/index`)
    await visibleText(journey.page, '美丽积分图').click()
    await visibleText(journey.page, '第一网格1号微网格 · 8 户').waitFor()
    const rows = journey.page.locator('.beauty__row').filter({ visible: true })
    await eventually(() => rows.count(), (value) => expect(value).toBe(8))
    await eventually(() => journey.page.locator('.beauty__row .beauty__name').filter({ visible: true }).allInnerTexts(), (value) => expect(value).toEqual(
      beautyRows(chart).map((row) => row.name),
    ))
    for (const household of [...PICKED, ...others.map((h) => h.name)]) {
      const row = rows.filter({ has: journey.page.getByText(household, { exact: true }) })
      const thisMonth = chart.households.find((h) => h.name === household)?.monthly.at(-1) ?? NaN
      expect(thisMonth).toBe(PICKED.includes(household) ? -5 : 2)
      await eventually(() => row.locator('.beauty__month-points').last().innerText(), (value) => expect(value).toBe(signedPoints(thisMonth)))
    }
    await saveScreenshot(await settled(journey.page), 'inspect-09-beauty-grid-leader')
  })

  it('cadre 陈明华: 美丽积分图 of 第一网格1号微网格 (8 households, low ones first), 冲销 in a household ledger, 待我审核, publishing rules', async () => {
    const chart = dataOf(await callAs<BeautyChart>(journey.gateway.baseUrl, 'demo-cadre', 'score', { action: 'beautyChart', orgId: MICRO_GRID, months: 6 }))
    const expected = beautyRows(chart)
    expect(expected).toHaveLength(8)

    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await switchDemoIdentity(journey.page, '村干部 陈明华（赵家桥村）')
    await visibleText(journey.page, '村干部 · 赵家桥村').waitFor()
    await saveScreenshot(journey.page, 'beauty-00-home-cadre')
    await visibleText(journey.page, '美丽积分图').click()
    await visibleText(journey.page, '第一网格1号微网格（8 户）').click()
    await visibleText(journey.page, '第一网格1号微网格 · 8 户').waitFor()
    const rows = journey.page.locator('.beauty__row').filter({ visible: true })
    await eventually(() => rows.count(), (value) => expect(value).toBe(8))
    const names = await journey.page.locator('.beauty__row .beauty__name').filter({ visible: true }).allInnerTexts()
    expect(names).toEqual(expected.map((row) => row.name))
    const flagged = journey.page.locator('.beauty__row--flagged').filter({ visible: true })
    await eventually(() => flagged.count(), (value) => expect(value).toBe(expected.filter((row) => row.needsVisit).length))
    // This month's −5 from the walk above shows in the last cell of both households.
    for (const name of PICKED) {
      const row = rows.filter({ has: journey.page.getByText(name, { exact: true }) })
      await eventually(() => row.locator('.beauty__month-points').last().innerText(), (value) => expect(value).toBe(
        signedPoints(chart.households.find((h) => h.name === name)?.monthly.at(-1) ?? NaN),
      ))
    }
    await saveScreenshot(await settled(journey.page), 'beauty-01-chart')

    // The household's ledger from 查看农户: the cadre reverses the walk's deduction with a reason.
    const [zhang] = dataOf(
      await callAs<HouseholdList>(journey.gateway.baseUrl, 'demo-cadre', 'account', { action: 'households', orgId: MICRO_GRID, search: '张建国' }),
    ).households
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await visibleText(journey.page, '查看农户').click()
    await visibleText(journey.page, '张建国').click()
    const line = journey.page.locator('.hh-line').filter({ visible: true }).filter({ hasText: RULE_TITLE }).first()
    await line.waitFor()
    await eventually(() => line.locator('.photo-thumbs__item').count(), (value) => expect(value).toBe(1))
    await saveScreenshot(await settled(journey.page), 'ledger-01-household')
    await line.getByText('冲销', { exact: true }).click()
    await line.locator('textarea').fill('评错了户，现场核实没有乱堆')
    await saveScreenshot(journey.page, 'ledger-02-reverse-ask')
    await line.getByText('确定冲销', { exact: true }).click()
    await visibleText(journey.page, '这一笔已冲销').waitFor()
    await eventually(() => journey.page.locator('.ledger__balance-value').filter({ visible: true }).innerText(), (value) => expect(value).toBe(String(zhang.balance + 5)))
    await saveScreenshot(journey.page, 'ledger-03-reversed')

    // 待我审核 and 积分细则管理 open for the cadre.
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await workButton(journey.page, '待我审核').click()
    await journey.page.getByText(/^待审核的评分和申报/).filter({ visible: true }).first().waitFor()
    await saveScreenshot(await settled(journey.page), 'review-01')
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await visibleText(journey.page, '积分细则管理').click()
    await visibleText(journey.page, '发布新版本（第 2 版）').waitFor()
    await saveScreenshot(await settled(journey.page), 'rules-01-editor')
    await journey.page.locator('.rules-editor__rule').filter({ visible: true }).first().getByText('修改', { exact: true }).click()
    await journey.page.locator('.rule-form input').filter({ visible: true }).nth(1).fill('3')
    await visibleText(journey.page, '改好了').click()
    await visibleText(journey.page, '发布新版本（第 2 版）').click()
    await visibleText(journey.page, '确定发布').click()
    await visibleText(journey.page, '已发布第 2 版').waitFor()
    await saveScreenshot(journey.page, 'rules-02-published')
    const rulesNow = dataOf(await callAs<RuleSetView>(journey.gateway.baseUrl, 'demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' }))
    expect(rulesNow.version).toBe(2)
    expect(rulesNow.rules[0].points).toBe(3)

    // 长辈模式: the chart again, larger.
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await visibleText(journey.page, '美丽积分图').click()
    await visibleText(journey.page, '第一网格1号微网格（8 户）').click()
    await visibleText(journey.page, '第一网格1号微网格 · 8 户').waitFor()
    dataOf(await callAs(journey.gateway.baseUrl, 'demo-cadre', 'account', { action: 'setElderMode', requestId: 'e2e-elder-on-1', on: true }))
    await journey.page.reload()
    await visibleText(journey.page, '第一网格1号微网格 · 8 户').waitFor()
    await journey.page.locator('.elder .beauty__row').first().waitFor()
    await saveScreenshot(journey.page, 'beauty-02-chart-elder')
  })

  it('cadre 陈明华 (长辈模式, fewer a screen) starts a walk of 赵家桥村: 「全选这 32 户」 takes every household the page counts, those behind 再显示 too', async () => {
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await visibleText(journey.page, '入户评分').click()
    await visibleText(journey.page, '赵家桥村 共 32 户').waitFor()
    await journey.page.getByText(/^再显示 \d+ 户$/).filter({ visible: true }).first().waitFor()
    await visibleText(journey.page, '全选这 32 户').click()
    await visibleText(journey.page, '已选 32 户').waitFor()
    await visibleText(journey.page, '取消全选').click()
    await visibleText(journey.page, '请点农户名字前的方框，选好要评分的农户').waitFor()
  })
})
