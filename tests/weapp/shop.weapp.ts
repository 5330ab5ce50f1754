import type { LedgerPage } from '../../src/core/contracts/score'
import { weappJourney } from './support/journey'

jest.setTimeout(120_000)

/**
 * Shop clerk 钱小红 in the weapp build: the camera (wx.scanCode) reads the code on 张建国's phone, the
 * clerk redeems a 面券 and gets the receipt; the same code scanned again is refused; when the camera
 * cannot read it, she types the number code he reads out.
 */
describe('shop clerk in the mini-program: scan the villager\'s card, redeem, receipt; a used code is refused', () => {
  const journey = weappJourney()
  let code = ''

  it('钱小红 scans the code on 张建国\'s phone, adds a 面券, confirms: 兑换成功 and the receipt', async () => {
    const before = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    const villager = await journey.openPhone('demo-villager')
    await villager.tap('出示积分卡')
    // What the camera reads off his screen: the QR's token, the one his number code stands for.
    code = (await journey.callAs<{ token: string }>('demo-shop', 'card', { action: 'codeToken', code: shownCardCode(villager.screenText()) })).token

    const clerk = await journey.openPhone('demo-shop')
    await clerk.tap('积分兑换（扫积分卡）')
    clerk.device.pointCameraAt(code)
    await clerk.tap('扫村民的积分卡')
    expect(clerk.screenText()).toContain('张**（赵家桥村）')
    expect(clerk.screenText()).toContain(`可用积分 ${before.balance} 分`)
    await clerk.tap('＋')
    await clerk.tap('确认兑换')
    expect(clerk.screenText()).toContain('兑换成功')
    expect(clerk.screenText()).toContain('面券 × 1')
    expect(clerk.screenText()).toContain(`兑换后剩余：${before.balance - 10} 分`)

    const after = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    expect(after.balance).toBe(before.balance - 10)
    expect(after.lines[0]).toMatchObject({ kind: 'redemption', points: -10 })
  })

  it('the same code scanned again is refused, and nothing more is taken', async () => {
    const before = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    const clerk = await journey.openPhone('demo-shop')
    await clerk.tap('积分兑换（扫积分卡）')
    clerk.device.pointCameraAt(code)
    await clerk.tap('扫村民的积分卡')
    expect(clerk.screenText()).toContain('这个积分卡二维码已经用过了，请让村民刷新后再扫')
    expect(clerk.screenText()).not.toContain('确认兑换')
    const after = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    expect(after.balance).toBe(before.balance)
  })

  it('the camera cannot read his screen: 张建国 reads out the number code, 钱小红 types it on her phone and redeems; typed again, it is refused', async () => {
    const before = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    const villager = await journey.openPhone('demo-villager')
    await villager.tap('出示积分卡')
    const spoken = shownCardCode(villager.screenText())

    const clerk = await journey.openPhone('demo-shop')
    await clerk.tap('积分兑换（扫积分卡）')
    await clerk.fill('积分卡二维码下面的 10 位数字', spoken)
    await clerk.tap('查看这张卡')
    expect(clerk.screenText()).toContain('张**（赵家桥村）')
    await clerk.tap('＋')
    await clerk.tap('确认兑换')
    expect(clerk.screenText()).toContain(`兑换后剩余：${before.balance - 10} 分`)
    await clerk.tap('下一位')

    await clerk.fill('积分卡二维码下面的 10 位数字', spoken)
    await clerk.tap('查看这张卡')
    expect(clerk.screenText()).toContain('这个数字码已经用过了')
    const after = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    expect(after.balance).toBe(before.balance - 10)
  })
})

/** The number code 「3829 104 755」 as 出示积分卡 shows it under the QR. */
function shownCardCode(screen: string): string {
  const shown = screen.match(/把这串数字念给店员：(\d{4} \d{3} \d{3})/)
  if (!shown) throw new Error(`no number code on the card page: ${screen}`)
  return shown[1]
}
