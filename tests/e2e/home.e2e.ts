import type { HouseholdList, WhoAmI } from '../../src/core/contracts/account'
import type { PendingWork } from '../../src/core/contracts/score'
import { eventually } from './support/eventually'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, switchDemoIdentity, visibleText } from './support/ui'

jest.setTimeout(240_000)

/**
 * Journey: a demo user opens the H5 app, becomes villager 张建国 through the 切换演示身份 switcher
 * and sees the household's points; then becomes cadre 陈明华 and opens the village's households.
 */
describeInBrowser('home page journeys (H5 demo mode)', () => {
  const journey = startJourney()

  it('villager 张建国 sees his household and its points balance', async () => {
    const me = dataOf(await callAs<WhoAmI>(journey.gateway.baseUrl, 'demo-villager', 'account', { action: 'whoami' }))
    if (!me.registered || !me.household) throw new Error('demo-villager should be a registered household member')
    const { household } = me

    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await visibleText(journey.page, '切换演示身份').waitFor()
    await saveScreenshot(journey.page, 'home-01-first-visit')

    await switchDemoIdentity(journey.page, '村民 张建国（赵家桥村1组）')
    await visibleText(journey.page, '张建国 家').waitFor()
    await eventually(() => visibleText(journey.page, `门牌：${household.houseNo}`).isVisible(), (value) => expect(value).toBe(true))
    await eventually(() => journey.page.locator('.household-card__points-value').filter({ visible: true }).innerText(), (value) => expect(value).toMatch(
      new RegExp(`^\\s*${household.balance}\\s*分\\s*$`),
    ))
    await eventually(() => visibleText(journey.page, `股数：${household.shares} 股`).isVisible(), (value) => expect(value).toBe(true))
    await saveScreenshot(journey.page, 'home-02-villager')
  })

  it('cadre 陈明华 sees 村干部 · 赵家桥村 and the 32 households of the village', async () => {
    const all = dataOf(
      await callAs<HouseholdList>(journey.gateway.baseUrl, 'demo-cadre', 'account', { action: 'households', orgId: 'v-zjq' }),
    )
    expect(all.households).toHaveLength(32)

    await switchDemoIdentity(journey.page, '村干部 陈明华（赵家桥村）')
    await visibleText(journey.page, '村干部 · 赵家桥村').waitFor()
    // The work that waits carries its count, the same the work page lists; the rest stay plain.
    const pending = dataOf(await callAs<PendingWork>(journey.gateway.baseUrl, 'demo-cadre', 'score', { action: 'pending', orgId: 'v-zjq' }))
    const waitingReviews = pending.records.length + pending.appeals.length
    await visibleText(journey.page, waitingReviews > 0 ? `待我审核 · ${waitingReviews} 条` : '待我审核').waitFor()
    await saveScreenshot(journey.page, 'home-03-cadre')

    await visibleText(journey.page, '查看农户').click()
    await visibleText(journey.page, '赵家桥村 共 32 户').waitFor()
    await eventually(() => journey.page.locator('.household-row').count(), (value) => expect(value).toBe(32))
    await saveScreenshot(journey.page, 'households-01-all')

    await journey.page.locator('.search-bar__input input').fill('李秀英')
    await visibleText(journey.page, '搜索').click()
    await visibleText(journey.page, '赵家桥村，找到“李秀英” 共 1 户').waitFor()
    const rows = journey.page.locator('.household-row')
    await eventually(() => rows.count(), (value) => expect(value).toBe(1))
    await eventually(() => rows.first().innerText(), (value) => expect(value).toContain('李秀英'))
    await saveScreenshot(journey.page, 'households-02-search')
  })
  it('When the network drops, villager 张建国 still sees his points on 首页, with the time they are from', async () => {
    const { page, gateway } = journey
    const me = dataOf(await callAs<WhoAmI>(gateway.baseUrl, 'demo-villager', 'account', { action: 'whoami' }))
    if (!me.registered || !me.household) throw new Error('demo-villager should be a registered household member')
    await becomeDemoUser(page, gateway.baseUrl, '村民 张建国（赵家桥村1组）')
    const points = page.locator('.household-card__points-value').filter({ visible: true })
    await eventually(() => points.innerText(), (value) => expect(value).toContain(String(me.household!.balance)))
    const banner = page.locator('.offline-banner').filter({ visible: true })
    expect(await banner.count()).toBe(0)

    // The points cannot be asked again: back on 首页 the last ones stay, said to be from earlier.
    // Away and back by the tab bar, as a person goes: 首页 stays mounted and asks again when it shows.
    // The next tap waits until the page tapped to is on screen, as a person's does.
    const onScreen = { 我的: page.locator('.mine__elder-state').filter({ visible: true }), 首页: points }
    const tab = async (name: keyof typeof onScreen) => {
      await page.locator('.weui-tabbar__item', { hasText: name }).click()
      await onScreen[name].first().waitFor()
    }
    await page.route('**/api/functions/score', (route) => route.abort())
    await tab('我的')
    await tab('首页')
    await banner.waitFor()
    expect(await banner.innerText()).toMatch(/没连上网，下面是 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 的数字，可能不是最新的/)
    expect(await points.innerText()).toContain(String(me.household.balance))
    await saveScreenshot(page, 'home-04-offline')

    // The network is back: the next return to 首页 brings fresh figures and the banner goes.
    await page.unroute('**/api/functions/score')
    await tab('我的')
    await tab('首页')
    await banner.waitFor({ state: 'detached' })
  })
})
