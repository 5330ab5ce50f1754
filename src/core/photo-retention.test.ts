import { expiredPhotos, isRetentionTick, type PhotoCase } from './photo-retention'

const DAY = 24 * 3600 * 1000
const now = new Date('2026-12-06T19:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY)
const kept = (villageId: string) => (villageId === 'v-short' ? 30 : 180)

describe('which photos of closed cases are deleted', () => {
  it('When a case closed longer ago than its village keeps photos, then its photos go; a newer or open case keeps its own', () => {
    const cases: PhotoCase[] = [
      { key: 'notice:1', villageId: 'v-long', closedAt: daysAgo(200), photos: ['old.jpg', 'proof.jpg'] },
      { key: 'notice:2', villageId: 'v-long', closedAt: daysAgo(100), photos: ['recent.jpg'] },
      { key: 'matter:3', villageId: 'v-short', closedAt: daysAgo(31), photos: ['short.jpg'] },
      { key: 'matter:4', villageId: 'v-long', closedAt: null, photos: ['open.jpg'] },
    ]
    expect(expiredPhotos(cases, kept, now)).toEqual([
      { fileId: 'old.jpg', closedCase: 'notice:1' },
      { fileId: 'proof.jpg', closedCase: 'notice:1' },
      { fileId: 'short.jpg', closedCase: 'matter:3' },
    ])
  })

  it('When one photo stands on several cases, then it goes only when the last of them has expired, and never while one is open', () => {
    const shared = (closedAt: (Date | null)[]): PhotoCase[] => closedAt.map((at, i) => ({ key: `notice:${i}`, villageId: 'v-long', closedAt: at, photos: ['walk.jpg'] }))
    expect(expiredPhotos(shared([daysAgo(300), daysAgo(200)]), kept, now)).toEqual([{ fileId: 'walk.jpg', closedCase: 'notice:1' }])
    expect(expiredPhotos(shared([daysAgo(300), daysAgo(10)]), kept, now)).toEqual([])
    expect(expiredPhotos(shared([daysAgo(300), null]), kept, now)).toEqual([])
    expect(expiredPhotos(shared([null, daysAgo(300)]), kept, now)).toEqual([])
  })

  it('When the timer ticks, then retention runs on the tick from 03:00 Shanghai time only', () => {
    expect(isRetentionTick(new Date('2026-12-06T19:00:00Z'))).toBe(true) // 03:00 on the 7th in Shanghai
    expect(isRetentionTick(new Date('2026-12-06T19:09:59Z'))).toBe(true)
    expect(isRetentionTick(new Date('2026-12-06T19:10:00Z'))).toBe(false)
    expect(isRetentionTick(new Date('2026-12-06T18:59:59Z'))).toBe(false)
    expect(isRetentionTick(new Date('2026-12-07T03:00:00Z'))).toBe(false) // 11:00 in Shanghai
  })
})
