import type { HouseholdList, Waiting, WhoAmI } from '../../src/core/contracts/account'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { PendingWork, RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { noticeDueText } from '../../src/core/villager-labels'
import { eventually } from './support/eventually'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { drawJpeg, uploadPhoto } from './support/photos'
import { becomeDemoUser, settled, switchDemoIdentity, visibleText } from './support/ui'

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

  it('李秀英’s 首页 leads with what concerns her household: her new 整改 with the days left and 去整改 (one tap to the proof form), the answer to her matter, her 积分证明 expiring in 2 days; 整改通报 shows 我家的通报 first', async () => {
    const { page, gateway } = journey
    // Arrange: grid leader 王卫东 deducts her household under a restorable rule, with a photo (it opens a notice).
    const rules = dataOf(await callAs<RuleSetView>(gateway.baseUrl, 'demo-grid-leader', 'score', { action: 'rules', orgId: 'v-zjq' }))
    const photo = await uploadPhoto(gateway.baseUrl, 'demo-grid-leader', await drawJpeg(page, '#8a6d3b'))
    const walk = dataOf(
      await callAs<SubmitResult>(gateway.baseUrl, 'demo-grid-leader', 'score', {
        action: 'submit',
        requestId: 'home-li-clutter',
        householdIds: ['h-zjq-02'],
        ruleId: rules.rules.find((r) => r.code === 'env-clutter')!.id,
        photos: [photo],
        note: '鸡笼占了路面',
      }),
    )
    const mine = dataOf(await callAs<NoticeView[]>(gateway.baseUrl, 'demo-villager-2', 'notice', { action: 'mine' }))
    const notice = mine.find((n) => n.deductionEntryId === walk.results[0].entryId)!
    const waits = dataOf(await callAs<Waiting>(gateway.baseUrl, 'demo-villager-2', 'account', { action: 'waiting' }))
    expect(waits.answers.map((a) => a.text)).toEqual(['1组垃圾分类亭的门坏了关不上'])
    expect(waits.certificates).toEqual([{ bankName: '平湖农商银行', expiresAt: expect.any(String) }])

    await becomeDemoUser(page, gateway.baseUrl, '村民 李秀英（赵家桥村1组）')
    const todo = page.locator('.household-todo').filter({ visible: true })
    await todo.waitFor()
    const toFix = waits.notices.filter((n) => n.status !== 'proof_submitted').length
    await eventually(
      () => todo.innerText(),
      (text) => {
        expect(text).toContain(`您家有 ${toFix} 条整改要做`)
        expect(text).toContain('鸡笼占了路面')
        expect(text).toContain(noticeDueText(notice.deadline, new Date()))
        expect(text).toContain('您提的事有办理结果了')
        expect(text).toContain('“1组垃圾分类亭的门坏了关不上”：门已换新，请大家轻开轻关')
        expect(text).toContain('积分证明还有 2 天到期')
      },
    )
    await saveScreenshot(await settled(page), 'home-05-villager-waits')

    // After a deduction, the proof form from 首页 in at most 3 taps: 去整改 on its line is one.
    let taps = 0
    const item = todo.locator('.household-todo__item').filter({ hasText: '鸡笼占了路面' })
    await item.getByText('去整改', { exact: true }).click()
    taps += 1
    await visibleText(page, '提交整改').waitFor()
    await visibleText(page, '拍照或选照片').waitFor()
    expect(taps).toBeLessThanOrEqual(3)
    await saveScreenshot(await settled(page), 'home-06-villager-proof-from-home')

    // Back (once the page has slid in, as a person taps after reading) to 首页's other two items.
    const backHome = async () => {
      await page.goBack()
      await todo.waitFor()
      await settled(page)
    }
    await backHome()
    await visibleText(page, '看积分证明').click()
    await visibleText(page, '给平湖农商银行的积分证明').waitFor()
    await settled(page)
    await backHome()
    await visibleText(page, '看结果，评价一下').click()
    await visibleText(page, '您对办理结果满意吗？').waitFor()
    await settled(page)
    await backHome()

    // 整改通报: her household's notices before the village's groups.
    await visibleText(page, '整改通报').click()
    await visibleText(page, '我家的通报').waitFor()
    const noticesPage = page.locator('.notices').filter({ visible: true })
    await eventually(
      () => noticesPage.innerText(),
      (text) => {
        expect(text.indexOf('我家的通报')).toBeLessThan(text.indexOf('本村各组的通报'))
        expect(text.indexOf('鸡笼占了路面')).toBeLessThan(text.indexOf('本村各组的通报'))
      },
    )
    await saveScreenshot(await settled(page), 'home-07-my-household-notices')
  })
})
