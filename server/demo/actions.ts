import { and, eq } from 'drizzle-orm'
import type { ContentCheck } from '../platform/content-check'
import type { SendSubscribeMessage } from '../platform/subscribe-message'
import { fileAppeal } from '../services/score/appeals'
import { issueCardToken } from '../services/card/card'
import { submitProof, verifyProof } from '../services/notice/proof'
import { postBulletin } from '../services/notice/notices'
import { redeem } from '../services/card/redeem'
import { claimRule } from '../services/score/corrections'
import { submitScore } from '../services/score/submit'
import type { Db } from '../store/database'
import type { DemoClock } from './clock'
import type { DemoPhotos } from './photos'
import { PAPER_RECORD } from '../store/ledger-invariants'
import { appendLedgerEntry } from '../store/ledger'
import { goods, notices, rules } from '../store/schema'

/** Seeding sends no messages and checks no text: nobody is there to read them. */
const quietSend: SendSubscribeMessage = async () => 'skipped'
const quietCheck: ContentCheck = async () => 'skipped'
/** The demo's past is told, not uploaded: its photos are not sent to WeChat's image check. */
const quietPlatform = { contentCheck: quietCheck, sendSubscribeMessage: quietSend, startMediaCheck: null }

/**
 * The demo story's people acting through the same services the cloud functions call, each at the
 * moment the story puts it (`at`): points move only through the ledger as in real use. Actions are
 * queued and run in time order, so entry ids, running balances and period totals follow the calendar.
 */
export type DemoStory = ReturnType<typeof demoStory>

export function demoStory(tx: Db, clock: DemoClock, photos: DemoPhotos) {
  type Queued = { at: Date; order: number; run: () => Promise<void> }
  const queue: Queued[] = []
  let requests = 0
  let queued = 0
  const requestId = () => `demo-seed-${String(++requests).padStart(5, '0')}`

  const ruleRows = new Map<string, { id: number; points: number }>()
  async function ruleOf(ruleSetId: string, code: string): Promise<{ id: number; points: number }> {
    const key = `${ruleSetId}/${code}`
    if (!ruleRows.has(key)) {
      const [row] = await tx
        .select({ id: rules.id, points: rules.points })
        .from(rules)
        .where(and(eq(rules.ruleSetId, ruleSetId), eq(rules.code, code), eq(rules.version, 1)))
      ruleRows.set(key, row)
    }
    return ruleRows.get(key)!
  }
  const ruleId = async (ruleSetId: string, code: string) => (await ruleOf(ruleSetId, code)).id

  async function noticeOfEntry(entryId: number): Promise<number> {
    const [row] = await tx.select({ id: notices.id }).from(notices).where(eq(notices.deductionEntryId, entryId))
    return row.id
  }

  return {
    clock,
    photos,
    /** Queues an action at `at`; one the calendar has not reached yet (or no date) is left out. */
    at(at: Date | null, run: () => Promise<void>) {
      if (at && at.getTime() < clock.now.getTime()) queue.push({ at, order: ++queued, run })
    },
    /** Runs the queued actions oldest first (an action may queue later ones). */
    async play() {
      // Sorted newest first, so the next action is popped off the end; re-sorted only after an action queued more.
      const newestFirst = (a: Queued, b: Queued) => b.at.getTime() - a.at.getTime() || b.order - a.order
      queue.sort(newestFirst)
      while (queue.length > 0) {
        const before = queued
        await queue.pop()!.run()
        if (queued !== before) queue.sort(newestFirst)
      }
    },
    /** An inspection: one rule on several households; answers each household's ledger entry id (null while it waits for approval). */
    async score(at: Date, scorer: string, input: { ruleSetId: string; code: string; householdIds: string[]; note?: string; photos?: string[] }) {
      const result = await submitScore(
        tx,
        scorer,
        quietPlatform,
        { requestId: requestId(), householdIds: input.householdIds, ruleId: await ruleId(input.ruleSetId, input.code), note: input.note, photos: input.photos },
        at,
      )
      return result.results.map((r) => r.entryId)
    },
    /**
     * A past month's routine round as the paper records had it, carried over when the village began
     * using the app: ledger entries only (no score records to approve or appeal), marked by their note.
     */
    async carryOver(at: Date, input: { ruleSetId: string; code: string; householdIds: string[]; scorerOrgId: string; note: string }) {
      const rule = await ruleOf(input.ruleSetId, input.code)
      for (const householdId of input.householdIds) {
        await appendLedgerEntry(tx, {
          householdId,
          points: rule.points,
          kind: 'score',
          ruleId: rule.id,
          scorerOrgId: input.scorerOrgId,
          note: `${input.note}${PAPER_RECORD}`,
          at,
        })
      }
    },
    /** The rectification notice a deduction opened. */
    noticeOfEntry,
    async submitProof(at: Date, member: string, noticeId: number, note: string) {
      await submitProof(tx, member, quietPlatform, { noticeId, photos: [photos.tidy], note }, at)
    },
    async verify(at: Date, scorer: string, noticeId: number) {
      await verifyProof(tx, scorer, quietSend, { noticeId, accept: true }, at)
    },
    async postBulletin(at: Date, cadre: string, villageId: string, noticeIds: number[]) {
      await postBulletin(tx, cadre, { orgId: villageId, noticeIds }, at)
    },
    async claim(at: Date, member: string, ruleSetId: string, code: string, note: string, photo: string) {
      await claimRule(tx, member, { requestId: requestId(), ruleId: await ruleId(ruleSetId, code), note, photos: [photo] }, quietPlatform, at)
    },
    async appeal(at: Date, member: string, entryId: number, reason: string) {
      return (await fileAppeal(tx, member, { entryId, reason }, quietCheck, at)).id
    },
    /** A villager shows the card and the shop's clerk redeems goods (by name and quantity). */
    async redeem(at: Date, member: string, clerk: string, shopId: string, basket: Record<string, number>) {
      const { token } = await issueCardToken(tx, member, at)
      const shelf = await tx.select({ id: goods.id, name: goods.name }).from(goods).where(eq(goods.shopId, shopId))
      const items = Object.entries(basket).map(([name, quantity]) => ({ goodsId: shelf.find((g) => g.name === name)!.id, quantity }))
      await redeem(tx, clerk, { token, items }, at)
    },
  }
}
