import type { Envelope } from './contracts/envelope'
import type { SubmitInput, SubmitResult } from './contracts/score'

/** A photo of a waiting walk: taken on the phone, uploaded once there is a network (then its file id). */
export type QueuedPhoto = { localPath: string; size: number; fileId: string | null }

/**
 * An inspection walk finished on the phone and kept in its storage until the server has it. Its
 * `requestId` and `observedAt` were fixed when the leader finished it, so however often it is sent
 * the server applies it once.
 */
export type QueuedWalk = {
  requestId: string
  orgId: string
  /** When the leader finished the walk (UTC, ISO). */
  observedAt: string
  rule: { id: number; code: string; title: string; points: number }
  households: { id: string; name: string; houseNo: string }[]
  note: string
  photos: QueuedPhoto[]
  /** What the server refused, in its words: the walk stays until the leader fixes or drops it. */
  refusal: { code: string; message: string } | null
}

/** The walks waiting on the phone, oldest first. */
export type WalkQueue = QueuedWalk[]

/** Adds a finished walk; the same walk again (its requestId) changes nothing. */
export function addWalk(queue: WalkQueue, walk: QueuedWalk): WalkQueue {
  return queue.some((w) => w.requestId === walk.requestId) ? queue : [...queue, walk]
}

/** Takes a walk out: the server applied it, or the leader dropped it. */
export function withoutWalk(queue: WalkQueue, requestId: string): WalkQueue {
  return queue.filter((w) => w.requestId !== requestId)
}

function update(queue: WalkQueue, requestId: string, change: (walk: QueuedWalk) => QueuedWalk): WalkQueue {
  return queue.map((w) => (w.requestId === requestId ? change(w) : w))
}

/** Notes a photo's file id once it is uploaded, so a later try does not upload it again. */
export function withPhotoUploaded(queue: WalkQueue, requestId: string, localPath: string, fileId: string): WalkQueue {
  return update(queue, requestId, (w) => ({ ...w, photos: w.photos.map((p) => (p.localPath === localPath && !p.fileId ? { ...p, fileId } : p)) }))
}

export function withRefusal(queue: WalkQueue, requestId: string, refusal: { code: string; message: string }): WalkQueue {
  return update(queue, requestId, (w) => ({ ...w, refusal }))
}

/** What the submit sends for a walk whose photos are all uploaded. */
export function submitInputOf(walk: QueuedWalk): SubmitInput {
  const note = walk.note.trim()
  const photos = walk.photos.map((p) => p.fileId).filter((id): id is string => id !== null)
  return {
    requestId: walk.requestId,
    householdIds: walk.households.map((h) => h.id),
    ruleId: walk.rule.id,
    observedAt: walk.observedAt,
    ...(note ? { note } : {}),
    ...(photos.length > 0 ? { photos } : {}),
  }
}

/**
 * An answer that says nothing was decided: no network, the backend could not serve the call now, or
 * no one is signed in yet (H5 before a demo identity is chosen).
 */
export function isTransient(envelope: Envelope<unknown>): boolean {
  return !envelope.ok && ['INTERNAL', 'BUSY', 'UNAUTHENTICATED'].includes(envelope.error.code)
}

/** Where the queue lives and how it reaches the server: the phone's storage and the cloud, or a test's. */
export type WalkSender = {
  read(): WalkQueue
  write(queue: WalkQueue): void
  upload(photo: QueuedPhoto): Promise<Envelope<{ fileId: string }>>
  submit(input: SubmitInput): Promise<Envelope<SubmitResult>>
}

export type SendReport = { applied: SubmitResult[]; refused: number; offline: boolean }

/**
 * Sends every waiting walk that is not refused, oldest first: its photos one by one (each file id
 * written to storage at once), then the submit. Storage is read again before each walk and written
 * after each step, so a kill at any point leaves a queue that the next start sends on: a walk leaves
 * the queue only when the server has answered for it. Stops at the first answer that says the
 * network or the backend is not there.
 */
export async function sendWalks(sender: WalkSender): Promise<SendReport> {
  const report: SendReport = { applied: [], refused: 0, offline: false }
  const tried = new Set<string>()
  for (;;) {
    const walk = sender.read().find((w) => w.refusal === null && !tried.has(w.requestId))
    if (!walk) return report
    tried.add(walk.requestId)
    for (const photo of walk.photos.filter((p) => !p.fileId)) {
      const uploaded = await sender.upload(photo)
      if (isTransient(uploaded)) return { ...report, offline: true }
      if (!uploaded.ok) {
        sender.write(withRefusal(sender.read(), walk.requestId, uploaded.error))
        report.refused++
        break
      }
      sender.write(withPhotoUploaded(sender.read(), walk.requestId, photo.localPath, uploaded.data.fileId))
    }
    const ready = sender.read().find((w) => w.requestId === walk.requestId)
    if (!ready || ready.refusal) continue
    const answer = await sender.submit(submitInputOf(ready))
    if (isTransient(answer)) return { ...report, offline: true }
    if (answer.ok) {
      sender.write(withoutWalk(sender.read(), walk.requestId))
      report.applied.push(answer.data)
    } else {
      sender.write(withRefusal(sender.read(), walk.requestId, answer.error))
      report.refused++
    }
  }
}

/** The queue as kept in storage: anything that is not a well-formed walk is left out, never sent. */
export function parseWalkQueue(stored: unknown): WalkQueue {
  if (!Array.isArray(stored)) return []
  const seen = new Set<string>()
  return stored.filter((item): item is QueuedWalk => {
    if (!isWalk(item) || seen.has(item.requestId)) return false
    seen.add(item.requestId)
    return true
  })
}

const isString = (v: unknown, max = 256): v is string => typeof v === 'string' && v.length > 0 && v.length <= max
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function isWalk(v: unknown): v is QueuedWalk {
  if (!isObject(v) || !isObject(v.rule) || !Array.isArray(v.households) || !Array.isArray(v.photos)) return false
  const { rule } = v
  return (
    isString(v.requestId, 64) &&
    isString(v.orgId, 64) &&
    isString(v.observedAt, 40) &&
    !Number.isNaN(Date.parse(v.observedAt)) &&
    isInt(rule.id) &&
    isString(rule.code, 64) &&
    isString(rule.title) &&
    isInt(rule.points) &&
    v.households.length > 0 &&
    v.households.every((h) => isObject(h) && isString(h.id, 64) && typeof h.name === 'string' && typeof h.houseNo === 'string') &&
    typeof v.note === 'string' &&
    v.photos.every((p) => isObject(p) && isString(p.localPath, 1024) && isInt(p.size) && (p.fileId === null || isString(p.fileId))) &&
    (v.refusal === null || (isObject(v.refusal) && isString(v.refusal.code, 64) && typeof v.refusal.message === 'string'))
  )
}
