import type { Page } from 'playwright-core'
import type { MyCard } from '../../src/core/contracts/card'
import { callAs, dataOf } from './support/api'
import { openPhonePage, saveScreenshot } from './support/browser'
import { startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText } from './support/ui'

jest.setTimeout(120_000)

/**
 * Journey: villager 张建国 opens his point card; the shop clerk 钱小红, on another phone, pastes the
 * card's code, sees 张** and the balance, redeems one 面券 and gets the receipt; 张建国's card shows the
 * same receipt and the lower balance, and so does his home page. The clerk reverses it (撤销这笔兑换)
 * and the points go back; 今日兑换汇总 counts the redemptions and the reversal.
 */
describe('shop journey: point card redemption and its reversal (H5 demo mode)', () => {
  const journey = startJourney()
  let villager: Page
  let clerk: Page

  beforeAll(async () => {
    villager = await openPhonePage(journey.browser)
    clerk = await openPhonePage(journey.browser)
  })


  it('When the clerk redeems a 面券 with the code from the villager’s card, then both phones show the receipt and the balance drops by 10', async () => {
    const before = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))

    await becomeDemoUser(villager, journey.gateway.baseUrl, '村民 张建国（赵家桥村1组）')
    await villager.getByText('出示积分卡', { exact: true }).click()
    await villager.getByText('张建国 家', { exact: true }).waitFor()
    await villager.locator('.card-qr__image--png[style*="data:image/png"]').waitFor()
    await expect(villager.locator('.card-page__balance-value').innerText()).resolves.toBe(`${before.balance} 分`)
    const code = (await villager.locator('.card-page__code-text').innerText()).trim()
    expect(code).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    await villager.waitForTimeout(500) // let the page's slide-in finish before the screenshot
    await saveScreenshot(villager, 'card-01-villager-card')

    await becomeDemoUser(clerk, journey.gateway.baseUrl, '超市店员 钱小红（赵家桥村积分超市）')
    await clerk.getByText('积分兑换（扫积分卡）', { exact: true }).click()
    await clerk.locator('.redeem__code textarea').fill(code)
    await clerk.getByText('查看这张卡', { exact: true }).click()
    await clerk.getByText('张**（赵家桥村）', { exact: true }).waitFor()
    await expect(clerk.locator('.redeem__holder-balance').innerText()).resolves.toBe(`可用积分 ${before.balance} 分`)
    const coupon = clerk.locator('.redeem__goods', { hasText: '面券' })
    await coupon.getByText('＋', { exact: true }).click()
    await expect(coupon.locator('.redeem__quantity').innerText()).resolves.toBe('1')
    await saveScreenshot(clerk, 'card-02-clerk-basket')
    await clerk.getByText('确认兑换', { exact: true }).click()
    await clerk.getByText('兑换成功', { exact: true }).waitFor()
    await expect(clerk.locator('.receipt-card').innerText()).resolves.toContain(`兑换后剩余：${before.balance - 10} 分`)
    await saveScreenshot(clerk, 'card-03-clerk-receipt')

    await villager.getByText('兑换成功', { exact: true }).waitFor()
    await expect(villager.locator('.receipt-card').innerText()).resolves.toContain('面券 × 1')
    await expect(villager.locator('.card-page__balance-value').innerText()).resolves.toBe(`${before.balance - 10} 分`)
    // The used code was replaced by a fresh one.
    await expect(villager.locator('.card-page__code-text').innerText()).resolves.not.toBe(code)
    await saveScreenshot(villager, 'card-04-villager-receipt')

    await villager.goto(`${journey.gateway.baseUrl}/`)
    await expect(villager.locator('.household-card__points-value').innerText()).resolves.toMatch(
      new RegExp(`^\\s*${before.balance - 10}\\s*分\\s*$`),
    )
  })

  it('When the clerk reverses the redemption on the receipt, then it shows 已撤销 and the villager has the 10 points back', async () => {
    const before = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))

    await clerk.getByText('撤销这笔兑换', { exact: true }).click()
    await visibleText(clerk, '撤销这笔兑换？').waitFor()
    await visibleText(clerk, '撤销').click()
    await clerk.locator('.receipt-card--reversed').waitFor()
    await expect(clerk.locator('.receipt-card__title').innerText()).resolves.toBe('已撤销')
    await expect(clerk.locator('.receipt-card').innerText()).resolves.toMatch(/由 钱小红 撤销，积分已退回/)
    await expect(clerk.getByText('撤销这笔兑换', { exact: true }).count()).resolves.toBe(0)
    await saveScreenshot(clerk, 'card-06-clerk-reversed')

    const after = dataOf(await callAs<MyCard>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'myCard' }))
    expect(after.balance).toBe(before.balance + 10)
    await villager.reload()
    await expect(villager.locator('.household-card__points-value').innerText()).resolves.toMatch(new RegExp(`^\\s*${after.balance}\\s*分\\s*$`))
  })

  it('When the clerk pastes the same code again, then the shop is told it was already used', async () => {
    const { token } = dataOf(await callAs<{ token: string }>(journey.gateway.baseUrl, 'demo-villager', 'card', { action: 'cardToken' }))
    const coupon = await callAs<{ goods: { id: number; name: string }[] }>(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'goods' })
    const goodsId = dataOf(coupon).goods.find((g) => g.name === '面券')!.id
    dataOf(await callAs(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'redeem', requestId: 'e2e-used-token-1', token, items: [{ goodsId, quantity: 1 }] }))

    await clerk.getByText('下一位', { exact: true }).click()
    await clerk.locator('.redeem__code textarea').fill(token)
    await clerk.getByText('查看这张卡', { exact: true }).click()
    await clerk.getByText('这个积分卡二维码已经用过了，请让村民刷新后再扫', { exact: true }).waitFor()
    await saveScreenshot(clerk, 'card-05-clerk-used-code')
  })

  it('When the clerk opens 今日兑换汇总, then the two redemptions and the one reversal are counted', async () => {
    await clerk.getByText('今日兑换汇总', { exact: true }).click()
    await visibleText(clerk, '兑换 2 笔，共 20 分').waitFor()
    await visibleText(clerk, '撤销 1 笔，退回 10 分').waitFor()
    await visibleText(clerk, '实收 10 分').waitFor()
    await visibleText(clerk, '已撤销 10 分').waitFor()
    await settled(clerk)
    await saveScreenshot(clerk, 'card-07-clerk-summary')
  })
})
