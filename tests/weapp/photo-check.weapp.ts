import type { MatterDetail } from '../../src/core/contracts/matter'
import { weappJourney } from './support/journey'
import { TINY_JPEG } from './support/photos'

jest.setTimeout(120_000)

/**
 * WeChat's image check in the weapp build: a matter's photo goes to security.mediaCheckAsync (the
 * stand-in answers a trace id and keeps the verdict); the public board reads 照片审核中 until WeChat's
 * signed wxa_media_check push reaches the wechatPush function; a forged push changes nothing; a risky
 * photo stays hidden and its raiser reads why.
 */
describe("a matter's photo through WeChat's image check in the mini-program", () => {
  const journey = weappJourney()
  let seq = 0
  const raise = async (text: string) => {
    const photo = await journey.photoOf('demo-villager', `check-${++seq}.jpg`, TINY_JPEG)
    const matter = await journey.callAs<MatterDetail>('demo-villager', 'matter', { action: 'raise', requestId: `weapp-photo-check-${seq}`, text, place: '村口', photos: [photo] })
    return { photo, matter }
  }
  const boardOf = async (openid: string) => {
    const phone = await journey.openPhone(openid)
    await phone.openLink('matters/board/index', { orgId: 'v-zjq' })
    return phone.screenText()
  }

  it('When 张建国 raises a matter with a photo, then 李秀英 reads 照片审核中 on the board until WeChat passes it; a forged pass changes nothing', async () => {
    const { photo } = await raise('村口路灯不亮了，晚上看不见路')
    expect(journey.world.mediaChecks.map((c) => c.fileId)).toContain(photo)
    expect(await boardOf('demo-villager-2')).toContain('照片审核中（1 张）')

    const pass = journey.world.mediaCheckPush(photo, 'pass')
    const forged = await journey.cloud.push({ ...pass, queryStringParameters: { ...pass.queryStringParameters, signature: '0'.repeat(40) } })
    expect(forged.statusCode).toBe(403)
    expect(await boardOf('demo-villager-2')).toContain('照片审核中（1 张）')

    expect(await journey.cloud.push(pass)).toMatchObject({ statusCode: 200, body: 'success' })
    expect(await boardOf('demo-villager-2')).not.toContain('照片审核中')
  })

  it('When WeChat finds a photo risky, then it stays hidden from the board and 张建国 reads why; the matter stands', async () => {
    const { photo, matter } = await raise('河边有人倒建筑垃圾')
    expect(await journey.cloud.push(journey.world.mediaCheckPush(photo, 'risky'))).toMatchObject({ statusCode: 200, body: 'success' })
    const detail = await journey.callAs<MatterDetail>('demo-villager-2', 'matter', { action: 'detail', matterId: matter.id })
    expect(detail).toMatchObject({ photos: [], photosInCheck: 0, status: matter.status })
    expect(await boardOf('demo-villager')).toContain('您的照片没有通过微信的安全检查，别人看不到它；这件事照常办理。')
  })
})
