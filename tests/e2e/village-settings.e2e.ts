import type { VillageSettingsView } from '../../src/core/contracts/account'
import type { LedgerPage, RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText, workButton } from './support/ui'

jest.setTimeout(240_000)

const CADRE = '村干部 陈明华（赵家桥村）'
const GRID_LEADER = '微网格长 王卫东（第一网格1号微网格）'
const RULE_TITLE = '参与调解邻里矛盾纠纷' // +3

/**
 * Journey: cadre 陈明华 opens 村里的设置 and asks that grid leaders' scores wait for a cadre, and keeps
 * rectified notices 5 days; grid leader 王卫东 then scores 张建国, sees 待审核 in 我的评分记录 and no points
 * move; 陈明华 approves it in 待我审核 and the points reach 张建国.
 */
describeInBrowser('村里的设置: approval of grid leaders’ scores (H5 demo mode)', () => {
  const journey = startJourney()
  let balanceBefore: number

  it('cadre 陈明华 turns approval on and keeps rectified notices 5 days', async () => {
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, CADRE)
    await visibleText(journey.page, '村里的设置').click()
    await visibleText(journey.page, '还没有改过，用的是默认设置').waitFor()
    await visibleText(journey.page, '评完马上生效').waitFor()
    await visibleText(journey.page, '3 天').waitFor()
    await journey.page.locator('.village-settings__row input').filter({ visible: true }).first().click()
    await visibleText(journey.page, '要村干部审核后才生效').waitFor()
    await visibleText(journey.page, '＋').click()
    await visibleText(journey.page, '＋').click()
    await visibleText(journey.page, '5 天').waitFor()
    await visibleText(journey.page, '保存').click()
    await visibleText(journey.page, '已保存，马上生效').waitFor()
    await journey.page.getByText(/^上次修改：陈明华，\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).filter({ visible: true }).waitFor()
    await saveScreenshot(await settled(journey.page), 'settings-01-approval-on')

    const saved = dataOf(await callAs<VillageSettingsView>(journey.gateway.baseUrl, 'demo-cadre', 'account', { action: 'villageSettings', orgId: 'v-zjq' }))
    expect(saved).toMatchObject({ gridLeaderScoresNeedApproval: true, rectifiedVisibleDays: 5, lastChange: { byName: '陈明华' } })
  })

  it('street admin 金伟 opens 村里的设置 with no village named: he is asked which village and sees 通界村’s settings', async () => {
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '街道管理员 金伟（当湖街道）')
    await journey.page.goto(`${journey.gateway.baseUrl}/#/work/village-settings/index`)
    await visibleText(journey.page, '设置哪个村？').waitFor()
    await visibleText(journey.page, '赵家桥村').waitFor()
    await visibleText(journey.page, '通界村').click()
    // 通界村 asks a cadre to approve its grid leaders' scores (the living demo).
    await visibleText(journey.page, '要村干部审核后才生效').waitFor()
    await saveScreenshot(await settled(journey.page), 'settings-00-admin-chooses-village')
  })

  it('grid leader 王卫东’s score for 张建国 then waits: 我的评分记录 says 待审核 and his balance does not move', async () => {
    const { baseUrl } = journey.gateway
    balanceBefore = dataOf(await callAs<LedgerPage>(baseUrl, 'demo-villager', 'score', { action: 'ledger' })).balance
    const rules = dataOf(await callAs<RuleSetView>(baseUrl, 'demo-grid-leader', 'score', { action: 'rules', orgId: 'v-zjq' }))
    const ruleId = rules.rules.find((rule) => rule.title === RULE_TITLE)!.id
    const submitted = dataOf(
      await callAs<SubmitResult>(baseUrl, 'demo-grid-leader', 'score', { action: 'submit', requestId: 'e2e-settings-walk-1', householdIds: ['h-zjq-01'], ruleId }),
    )
    expect(submitted.results[0]).toMatchObject({ status: 'pending', entryId: null, balance: balanceBefore })

    await becomeDemoUser(journey.page, baseUrl, GRID_LEADER)
    await visibleText(journey.page, '我的评分记录').click()
    const card = journey.page.locator('.record-card').filter({ visible: true }).filter({ hasText: RULE_TITLE }).first()
    await eventually(() => card.innerText(), (text) => expect(text).toMatch(/张建国[\s\S]*待审核/))
    await saveScreenshot(await settled(journey.page), 'settings-02-grid-leader-pending')
    expect(dataOf(await callAs<LedgerPage>(baseUrl, 'demo-villager', 'score', { action: 'ledger' })).balance).toBe(balanceBefore)
  })

  it('cadre 陈明华 approves it in 待我审核, and the 3 points reach 张建国', async () => {
    const { baseUrl } = journey.gateway
    await becomeDemoUser(journey.page, baseUrl, CADRE)
    await workButton(journey.page, '待我审核').click()
    const card = journey.page.locator('.record-card').filter({ visible: true }).filter({ hasText: RULE_TITLE }).first()
    await eventually(() => card.innerText(), (text) => expect(text).toMatch(/张建国[\s\S]*评分人 王卫东/))
    await card.getByText('通过', { exact: true }).click()
    await card.getByText('确定通过', { exact: true }).click()
    await card.getByText('已通过，积分已记入', { exact: true }).waitFor()
    await saveScreenshot(await settled(journey.page), 'settings-03-cadre-approved')

    const ledger = dataOf(await callAs<LedgerPage>(baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    expect(ledger.balance).toBe(balanceBefore + 3)
    expect(ledger.lines[0]).toMatchObject({ points: 3, rule: { title: RULE_TITLE } })
  })
})
