import type { Page } from 'playwright-core'
import type { DailySummary, GoodsList, MyCard } from '../../src/core/contracts/card'
import { eventually } from './support/eventually'
import { callAs, dataOf } from './support/api'
import { openPhonePage, saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText } from './support/ui'

jest.setTimeout(240_000)

/**
 * Journey: villager 张建国 opens his point card; the shop clerk 钱小红, on another phone, pastes the
 * card's code, sees 张** and the balance, redeems one 面券 and gets the receipt; 张建国's card shows the
 * same receipt and the lower balance, and so does his home page. The clerk reverses it (撤销这笔兑换)
 * and the points go back; 今日兑换汇总 counts the redemptions and the reversal.
 */
describeInBrowser('shop journey: point card redemption and its reversal (H5 demo mode)', () => {
  const journey = startJourney()
  let villager: Page
  let clerk: Page
  /** The living demo's redemptions earlier today, before this journey's. */
  let earlierToday: DailySummary

  beforeAll(async () => {
    villager = await openPhonePage(journey.browser)
    clerk = await openPhonePage(journey.browser)
    earlierToday = dataOf(await callAs<DailySummary>(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'dailySummary' }))
  })


  it('When the clerk types the number code read from the villager’s card and redeems a 面券, then both phones show the receipt and the balance drops by 10', async () => {
    const before = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))

    await becomeDemoUser(villager, journey.gateway.baseUrl, '村民 张建国（赵家桥村1组）')
    await visibleText(villager, '出示积分卡').click()
    await visibleText(villager, '张建国 家').waitFor()
    await villager.locator('.card-qr__image--png[style*="data:image/png"]').waitFor()
    await eventually(() => villager.locator('.card-page__balance-value').innerText(), (value) => expect(value).toBe(`${before.balance} 分`))
    // The number code under the QR, typed by the clerk on her own phone as the villager reads it out.
    const code = (await villager.locator('.card-page__code-text').innerText()).trim()
    expect(code).toMatch(/^\d{4} \d{3} \d{3}$/)
    await villager.waitForTimeout(500) // let the page's slide-in finish before the screenshot
    await saveScreenshot(villager, 'card-01-villager-card')

    await becomeDemoUser(clerk, journey.gateway.baseUrl, '超市店员 钱小红（赵家桥村积分超市）')
    await visibleText(clerk, '积分兑换（扫积分卡）').click()
    await clerk.locator('.redeem__code textarea').fill(code)
    await visibleText(clerk, '查看这张卡').click()
    await visibleText(clerk, '张**（赵家桥村）').waitFor()
    await eventually(() => clerk.locator('.redeem__holder-balance').innerText(), (value) => expect(value).toBe(`可用积分 ${before.balance} 分`))
    const coupon = clerk.locator('.redeem__goods', { hasText: '面券' })
    await coupon.getByText('＋', { exact: true }).click()
    await eventually(() => coupon.locator('.redeem__quantity').innerText(), (value) => expect(value).toBe('1'))
    await saveScreenshot(clerk, 'card-02-clerk-basket')
    await visibleText(clerk, '确认兑换').click()
    await visibleText(clerk, '兑换成功').waitFor()
    await eventually(() => clerk.locator('.receipt-card').innerText(), (value) => expect(value).toContain(`兑换后剩余：${before.balance - 10} 分`))
    await saveScreenshot(clerk, 'card-03-clerk-receipt')

    await visibleText(villager, '兑换成功').waitFor()
    await eventually(() => villager.locator('.receipt-card').innerText(), (value) => expect(value).toContain('面券 × 1'))
    await eventually(() => villager.locator('.card-page__balance-value').innerText(), (value) => expect(value).toBe(`${before.balance - 10} 分`))
    // The used code was replaced by a fresh one.
    await eventually(() => villager.locator('.card-page__code-text').innerText(), (value) => expect(value).not.toBe(code))
    await saveScreenshot(villager, 'card-04-villager-receipt')

    await villager.goto(`${journey.gateway.baseUrl}/`)
    await eventually(() => villager.locator('.household-card__points-value').innerText(), (value) => expect(value).toMatch(
      new RegExp(`^\\s*${before.balance - 10}\\s*分\\s*$`),
    ))
  })

  it('When the clerk reverses the redemption on the receipt, then it shows 已撤销 and the villager has the 10 points back', async () => {
    const before = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))

    await visibleText(clerk, '撤销这笔兑换').click()
    await visibleText(clerk, '撤销这笔兑换？').waitFor()
    await visibleText(clerk, '撤销').click()
    await clerk.locator('.receipt-card--reversed').waitFor()
    await eventually(() => clerk.locator('.receipt-card__title').innerText(), (value) => expect(value).toBe('已撤销'))
    await eventually(() => clerk.locator('.receipt-card').innerText(), (value) => expect(value).toMatch(/由 钱小红 撤销，积分已退回/))
    await eventually(() => clerk.getByText('撤销这笔兑换', { exact: true }).count(), (value) => expect(value).toBe(0))
    await saveScreenshot(clerk, 'card-06-clerk-reversed')

    const after = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))
    expect(after.balance).toBe(before.balance + 10)
    await villager.reload()
    await eventually(() => villager.locator('.household-card__points-value').innerText(), (value) => expect(value).toMatch(new RegExp(`^\\s*${after.balance}\\s*分\\s*$`)))
  })

  it('When the clerk pastes the same code again, then the shop is told it was already used', async () => {
    const { token } = dataOf(await callAs<{ token: string }>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'cardToken' }))
    const coupon = await callAs<{ goods: { id: number; name: string }[] }>(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'goods' })
    const goodsId = dataOf(coupon).goods.find((g) => g.name === '面券')!.id
    dataOf(await callAs(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'redeem', requestId: 'e2e-used-token-1', token, items: [{ goodsId, quantity: 1 }] }))

    await visibleText(clerk, '下一位').click()
    await clerk.locator('.redeem__code textarea').fill(token)
    await visibleText(clerk, '查看这张卡').click()
    await visibleText(clerk, '这个积分卡二维码已经用过了，请让村民刷新后再扫').waitFor()
    await saveScreenshot(clerk, 'card-05-clerk-used-code')
  })

  it('When the clerk opens 今日兑换汇总, then the two redemptions and the one reversal are counted with the day’s others', async () => {
    const { redemptionCount, pointsSpent } = earlierToday
    await visibleText(clerk, '今日兑换汇总').click()
    await visibleText(clerk, `兑换 ${redemptionCount + 2} 笔，共 ${pointsSpent + 20} 分`).waitFor()
    await visibleText(clerk, '撤销 1 笔，退回 10 分').waitFor()
    await visibleText(clerk, `实收 ${pointsSpent + 10} 分`).waitFor()
    await visibleText(clerk, '已撤销 10 分').waitFor()
    await settled(clerk)
    await saveScreenshot(clerk, 'card-07-clerk-summary')
  })

  it('When cadre 陈明华 opens 积分超市兑换汇总 and reverses the day’s other receipt from it, then both reversals are counted and the books still agree', async () => {
    const before = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))
    const cadre = await openPhonePage(journey.browser) // the cadre's own phone
    await becomeDemoUser(cadre, journey.gateway.baseUrl, '村干部 陈明华（赵家桥村）')
    const { redemptionCount, pointsSpent } = earlierToday
    await visibleText(cadre, '积分超市兑换汇总').click()
    await visibleText(cadre, `兑换 ${redemptionCount + 2} 笔，共 ${pointsSpent + 20} 分`).waitFor()
    await visibleText(cadre, '对账：小票和积分明细一致 ✓').waitFor()
    // 张建国's receipt not yet reversed (the day's others belong to other households).
    const kept = cadre.locator('.summary__receipt').filter({ visible: true }).filter({ hasNotText: '已撤销' })
    await eventually(() => kept.count(), (value) => expect(value).toBe(redemptionCount + 1))
    await kept.filter({ hasText: '张' }).click()

    const receipt = cadre.locator('.receipt-card').filter({ visible: true })
    await eventually(() => receipt.innerText(), (value) => expect(value).toContain('面券 × 1'))
    await visibleText(cadre, '撤销这笔兑换').click()
    await visibleText(cadre, '撤销这笔兑换？').waitFor()
    await visibleText(cadre, '撤销').click()
    await eventually(() => receipt.innerText(), (value) => expect(value).toMatch(/^已撤销[\s\S]*由 陈明华 撤销，积分已退回/))
    await saveScreenshot(await settled(cadre), 'card-08-cadre-reversed-receipt')
    const after = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))
    expect(after.balance).toBe(before.balance + 10)

    await cadre.goBack()
    await visibleText(cadre, '撤销 2 笔，退回 20 分').waitFor()
    await visibleText(cadre, `实收 ${pointsSpent} 分`).waitFor()
    await visibleText(cadre, '对账：小票和积分明细一致 ✓').waitFor()
    await saveScreenshot(await settled(cadre), 'card-09-cadre-summary')
    await visibleText(cadre, '‹ 前一天').click()
    await visibleText(cadre, '这天没有兑换').waitFor()
  })

  it('When the clerk restocks 面券 and adds 香皂一块, then takes it off the shelf in 商品管理, then the shop’s goods say so', async () => {
    const goodsOf = async () => dataOf(await callAs<GoodsList>(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'goods' })).goods
    const coupon = (await goodsOf()).find((g) => g.name === '面券')!
    await becomeDemoUser(clerk, journey.gateway.baseUrl, '超市店员 钱小红（赵家桥村积分超市）')
    await visibleText(clerk, '积分超市商品管理').click()
    const item = (name: string) => clerk.locator('.goods__item').filter({ visible: true }).filter({ hasText: name })
    const inputs = clerk.locator('.shop-input input').filter({ visible: true })

    await item('面券').getByText('修改', { exact: true }).click()
    await visibleText(clerk, '修改：面券').waitFor()
    await visibleText(clerk, `现在库存 ${coupon.stock} 件`).waitFor()
    await inputs.nth(2).fill('20')
    await visibleText(clerk, '保存').click()
    await visibleText(clerk, `已保存：面券，10 分，库存 ${coupon.stock + 20} 件，在架上`).waitFor()

    await visibleText(clerk, '新增商品').click()
    await inputs.nth(0).fill('香皂一块')
    await inputs.nth(1).fill('8')
    await inputs.nth(2).fill('30')
    await saveScreenshot(clerk, 'card-10-clerk-new-goods')
    await visibleText(clerk, '保存').click()
    await visibleText(clerk, '已保存：香皂一块，8 分，库存 30 件，在架上').waitFor()

    await item('香皂一块').getByText('修改', { exact: true }).click()
    await visibleText(clerk, '在架上，可以兑换').waitFor()
    await clerk.locator('.goods__shelf input').filter({ visible: true }).click()
    await visibleText(clerk, '已下架，不能兑换').waitFor()
    await visibleText(clerk, '保存').click()
    await visibleText(clerk, '已保存：香皂一块，8 分，库存 30 件，已下架').waitFor()
    await eventually(() => item('香皂一块').innerText(), (value) => expect(value).toContain('8 分 · 库存 30 件 · 已下架'))
    await saveScreenshot(await settled(clerk), 'card-11-clerk-goods')

    const goods = await goodsOf()
    expect(goods.find((g) => g.name === '面券')).toMatchObject({ stock: coupon.stock + 20, onShelf: true })
    expect(goods.find((g) => g.name === '香皂一块')).toMatchObject({ pointsPrice: 8, stock: 30, onShelf: false })
  })
})
