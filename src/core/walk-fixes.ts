import { withoutWalk, type QueuedWalk, type WalkQueue } from './walk-queue'

// The leader's fixes of a walk the server refused (the 待上传 page); the sending itself is walk-queue.ts.

/**
 * The leader's fix of a refused walk: the same walk as a new intent (a new requestId, since the
 * server keeps its refusal of the old one), under the rule now in force and/or without a household.
 */
export function retriedWalk(
  queue: WalkQueue,
  requestId: string,
  newRequestId: string,
  fix: { rule?: QueuedWalk['rule']; dropHouseholdId?: string },
): WalkQueue {
  const walk = queue.find((w) => w.requestId === requestId)
  if (!walk) return queue
  const households = walk.households.filter((h) => h.id !== fix.dropHouseholdId)
  if (households.length === 0) return withoutWalk(queue, requestId)
  return queue.map((w) => (w.requestId === requestId ? { ...w, requestId: newRequestId, rule: fix.rule ?? w.rule, households, refusal: null } : w))
}

/**
 * The household a refusal is about: the server names it in its message (「王阿大家不在您负责的范围内」,
 * 「王阿大家“…”本月…」); null when the refusal is about the walk as a whole (a republished rule).
 */
export function refusedHousehold(walk: QueuedWalk): QueuedWalk['households'][number] | null {
  if (!walk.refusal) return null
  return walk.households.find((h) => walk.refusal!.message.includes(`${h.name}家`)) ?? null
}

/** Whether a refusal is fixed by scoring again under the rule now in force (the rule was republished). */
export function needsNewRule(walk: QueuedWalk): boolean {
  return walk.refusal?.code === 'RULE_OUTDATED'
}
