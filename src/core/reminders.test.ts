import { certificateExpiringNote, digestNote, isQuietHour, latestWakingMoment, noticeDueNote, waitingAgeText } from './reminders'

const shanghai = (text: string) => new Date(`${text}+08:00`)

describe('the clock: quiet hours, the waking moment, the digest', () => {
  it('When it is 21:00 to 06:59 in Shanghai, then it is quiet; from 07:00 to 20:59 it is not, whatever the zone of the server', () => {
    for (const t of ['2026-12-07T21:00:00', '2026-12-07T23:59:00', '2026-12-08T00:00:00', '2026-12-08T06:59:59']) expect([t, isQuietHour(shanghai(t))]).toEqual([t, true])
    for (const t of ['2026-12-07T07:00:00', '2026-12-07T12:00:00', '2026-12-07T20:59:59']) expect([t, isQuietHour(shanghai(t))]).toEqual([t, false])
  })

  it('When the demo is made at night, then its reminders are dated 20:59 of that evening or the one before; by day, now', () => {
    expect(latestWakingMoment(shanghai('2026-12-07T12:00:00'))).toEqual(shanghai('2026-12-07T12:00:00'))
    expect(latestWakingMoment(shanghai('2026-12-07T23:30:00'))).toEqual(shanghai('2026-12-07T20:59:00'))
    expect(latestWakingMoment(shanghai('2027-01-01T00:30:00'))).toEqual(shanghai('2026-12-31T20:59:00'))
  })

  it('When work of one kind waits in two places, then the digest counts it once with the overdue and the oldest age; nothing waiting, no digest', () => {
    const now = shanghai('2026-12-07T07:00:00')
    const note = digestNote(
      [
        { orgId: 'v-a', key: 'review', count: 2, overdue: 0, oldestAt: shanghai('2026-12-05T10:00:00').toISOString() },
        { orgId: 'v-a', key: 'notice-verify', count: 3, overdue: 1, oldestAt: shanghai('2026-12-06T23:00:00').toISOString() },
        { orgId: 'v-b', key: 'review', count: 1, overdue: 0, oldestAt: shanghai('2026-12-03T08:00:00').toISOString() },
      ],
      1,
      now,
    )
    expect(note?.body).toBe('待我审核 3 条，最早的等了 4 天；整改核验 3 条（其中 1 条逾期），最早的等了 1 天；交办给您的议事 1 件明天到期。')
    expect(digestNote([], 0, now)).toBeNull()
    expect(waitingAgeText(shanghai('2026-12-07T00:10:00'), now)).toBe('都是今天的')
  })

  it('When a household is told of a deadline, then it reads the days as 首页 does: 还有 1 天到期 for tomorrow, 今天到期, 还有 N 天到期', () => {
    const now = shanghai('2026-12-07T07:00:00')
    expect(noticeDueNote({ id: 7, problem: '门口堆放杂物', deadline: shanghai('2026-12-08T12:00:00') }, now).body).toBe('“门口堆放杂物”还有 1 天到期，整改好后请拍照提交。')
    expect(noticeDueNote({ id: 7, problem: '门口堆放杂物', deadline: shanghai('2026-12-07T22:00:00') }, now).body).toBe('“门口堆放杂物”今天到期，整改好后请拍照提交。')
    expect(certificateExpiringNote({ bankName: '平湖农商银行', expiresAt: shanghai('2026-12-09T10:00:00') }, now).body).toBe('您家给平湖农商银行的积分证明还有 2 天到期，还需要的话请重新申请。')
    expect(certificateExpiringNote({ bankName: '平湖农商银行', expiresAt: shanghai('2026-12-08T06:00:00') }, now).body).toBe('您家给平湖农商银行的积分证明还有 1 天到期，还需要的话请重新申请。')
  })
})
