import type { LedgerPage } from '../../src/core/contracts/score'
import { weappJourney } from './support/journey'

jest.setTimeout(120_000)

/**
 * Shop clerk 钱小红 in the weapp build: the camera (wx.scanCode) reads the code on 张建国's phone, the
 * clerk redeems a 面券 and gets the receipt; the same code scanned again is refused.
 */
describe('shop clerk in the mini-program: scan the villager\'s card, redeem, receipt; a used code is refused', () => {
  const journey = weappJourney()
  let code = ''

  it('钱小红 scans the code on 张建国\'s phone, adds a 面券, confirms: 兑换成功 and the receipt', async () => {
    const before = await journey.callAs<LedgerPage>('demo-villager', 'score', { action: 'ledger' })
    const villager = await journey.openPhone('demo-villager')
    await villager.tap('出示积分卡')
    await villager.tap('复制这串码')
    await villager.answerPrivacy('agree')
    code = villager.device.clipboard

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
})
