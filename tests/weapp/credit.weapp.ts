import QRCode from 'qrcode'
import type { CreditOverview } from '../../src/core/contracts/credit'
import { weappJourney } from './support/journey'

jest.setTimeout(120_000)

/**
 * 善治贷 in the weapp build: 张建国 asks for a 积分证明 for 平湖农商银行 from 我的; loan officer 顾晓燕
 * points her camera at the QR on his phone and sees it 有效 with his figures; 张建国 sees who looked,
 * revokes it, and when she types the code from his screen she sees 已撤销 and no figures.
 */
describe('善治贷 in the mini-program: request → verify → revoke → 已撤销', () => {
  const journey = weappJourney()
  let code = ''

  it('张建国 opens 积分证明 from 我的 and gets a certificate with its QR and code', async () => {
    const villager = await journey.openPhone('demo-villager')
    await villager.tapTab('我的')
    await villager.tap('积分证明（善治贷）')
    expect(villager.screenText()).toContain('申请积分证明')
    expect(villager.screenText()).toContain('不写全名（只写“张**”）')
    await villager.tap('开积分证明')
    const screen = villager.screenText()
    expect(screen).toContain('给平湖农商银行的积分证明')
    expect(screen).toContain('有效')
    expect(screen).toContain('张**')
    expect(screen).toContain('按本行现行规则')
    code = /[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(screen)![0]
    // The QR on its 2d canvas, its dark modules square by square.
    const canvas = await villager.drawnCanvas('card-qr-canvas', 'fillRect')
    const { certificate } = await journey.callAs<CreditOverview>('demo-villager', 'credit', { action: 'mine' })
    const expected = QRCode.create([{ mode: 'byte', data: Buffer.from(certificate!.qrText!, 'ascii') }], { errorCorrectionLevel: 'M' }).modules
    expect(canvas.drawCalls.filter((call) => call.op === 'fillRect').length - 1).toBe([...expected.data].filter(Boolean).length)
  })

  it('顾晓燕 scans the QR on his phone and sees the certificate 有效 with its figures; 张建国 sees that she looked', async () => {
    const { certificate } = await journey.callAs<CreditOverview>('demo-villager', 'credit', { action: 'mine' })
    const officer = await journey.openPhone('demo-bank')
    await officer.tap('核验积分证明')
    officer.device.pointCameraAt(certificate!.qrText!)
    await officer.tap('扫农户的证明二维码')
    const screen = officer.screenText()
    expect(screen).toContain(`证明码 ${code}`)
    expect(screen).toContain('有效')
    expect(screen).toContain('赵家桥村（赵家桥村股份经济合作社）')
    expect(screen).toContain('张**')
    expect(screen).not.toContain('张建国')

    const villager = await journey.openPhone('demo-villager')
    await villager.tapTab('我的')
    await villager.tap('积分证明（善治贷）')
    expect(villager.screenText()).toContain('平湖农商银行 顾晓燕')
  })

  it('张建国 revokes it; 顾晓燕 types the code and sees 已撤销 and no figures', async () => {
    const villager = await journey.openPhone('demo-villager')
    await villager.tapTab('我的')
    await villager.tap('积分证明（善治贷）')
    villager.device.answerNextModal(true)
    await villager.tap('撤销这份证明')
    expect(villager.device.modals.at(-1)?.title).toBe('撤销积分证明')
    expect(villager.screenText()).toContain('已撤销')

    const officer = await journey.openPhone('demo-bank')
    await officer.tap('核验积分证明')
    await officer.fill('例如 7KQ2M-XD4PA', code.toLowerCase())
    await officer.tap('核验')
    const screen = officer.screenText()
    expect(screen).toContain('已撤销')
    expect(screen).toContain('这份证明已撤销，不显示任何数字')
    expect(screen).not.toContain('赵家桥村股份经济合作社')
  })
})
