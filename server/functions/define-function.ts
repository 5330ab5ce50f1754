import { z } from 'zod'
import { errorEnvelope, type Envelope } from '../../src/core/contracts/envelope'
import { AppError } from '../../src/core/errors'
import { plainIssues, type InputIssue } from '../../src/core/contracts/plain-issues'
import type { Platform } from '../platform/platform'
import type { Db } from '../store/database'
import { runOnce } from '../services/shared/idempotency'
import { innermostMessage, isConnectionUnavailable } from '../store/connection-budget'

z.config(z.locales.zhCN())

/** What an action gets: the database, the caller's openid as the platform vouched for it, the platform. */
export type ActionContext = { db: Db; openid: string; platform: Platform }

type ActionSpec<S extends z.ZodObject> = {
  input: S
  /** A state change: its input has a `requestId`; it runs at most once per id, in one transaction. */
  mutates?: boolean
  /**
   * Fields left out of the stored fingerprint of a request (a PIN): the idempotency table must not
   * hold a fast hash that gives a secret away. A repeat is recognised by its other fields.
   */
  secretFields?: readonly string[]
  /**
   * Fields of the answer shown once (a one-time code): the idempotency table keeps the answer
   * without them, so a dump or backup holds no live code. A repeat of the request gets, for each
   * such field `f`, `fTail` (its last 2 characters, what the code tables keep too) and
   * `fShownOnce: true` in its place; the first answer is whole.
   */
  secretOutputs?: readonly string[]
  run(ctx: ActionContext, input: z.infer<S>): Promise<unknown>
}

export function action<S extends z.ZodObject>(spec: ActionSpec<S>): ActionSpec<S> {
  return spec
}

export type Invocation = { db: Db; openid: string | null; event: unknown; platform: Platform }

export type CloudFunction = {
  name: string
  actions: readonly string[]
  invoke(invocation: Invocation): Promise<Envelope<unknown>>
}

const eventSchema = z.object({ action: z.string().max(64) }).loose()

/**
 * A cloud function: a table of actions, each with its zod input. Invoking it validates the event,
 * checks there is a caller, runs the action (state changes once per requestId) and wraps the
 * answer or the failure in the envelope. Nothing but an AppError's code and message reaches users.
 */
export function defineFunction(name: string, actions: Record<string, ActionSpec<z.ZodObject>>): CloudFunction {
  for (const [actionName, spec] of Object.entries(actions)) {
    if (spec.mutates && !('requestId' in spec.input.shape)) throw new Error(`${name}.${actionName} mutates but takes no requestId`)
  }
  return {
    name,
    actions: Object.keys(actions),
    async invoke({ db, openid, event, platform }) {
      try {
        const envelope = eventSchema.safeParse(event, PARSE_OPTIONS)
        if (!envelope.success) throw invalidInput(envelope.error)
        if (holdsNulCharacter(event)) throw new AppError('INVALID_INPUT', '填写的内容里有无法识别的字符')
        const spec = Object.hasOwn(actions, envelope.data.action) ? actions[envelope.data.action] : undefined
        if (!spec) throw new AppError('NOT_FOUND', `没有“${envelope.data.action}”这个操作`)
        if (!openid) throw new AppError('UNAUTHENTICATED')
        const parsed = spec.input.safeParse(event, PARSE_OPTIONS)
        if (!parsed.success) throw invalidInput(parsed.error)
        const data = spec.mutates
          ? await runStateChange({ db, openid, platform }, `${name}.${envelope.data.action}`, parsed.data, spec)
          : await spec.run({ db, openid, platform }, parsed.data)
        return { ok: true, data }
      } catch (error) {
        return failure(error, name)
      }
    },
  }
}

function runStateChange(
  ctx: ActionContext,
  operation: string,
  input: Record<string, unknown>,
  spec: ActionSpec<z.ZodObject>,
): Promise<unknown> {
  const { requestId, ...params } = input
  for (const field of spec.secretFields ?? []) delete params[field]
  const secretOutputs = spec.secretOutputs ?? []
  return runOnce(
    ctx.db,
    { openid: ctx.openid, requestId: requestId as string, operation, params },
    (tx) => spec.run({ ...ctx, db: tx }, input),
    (data) => withheld(data, secretOutputs),
  )
}

/** How many trailing characters of a secret output a repeat may show. */
const SECRET_TAIL_LENGTH = 2

/** The answer as a repeat may see it: each secret output replaced by its tail and a shown-once flag. */
export function withheld(data: unknown, secretOutputs: readonly string[]): unknown {
  if (secretOutputs.length === 0 || typeof data !== 'object' || data === null || Array.isArray(data)) return data
  const kept: Record<string, unknown> = { ...(data as Record<string, unknown>) }
  for (const field of secretOutputs) {
    if (!Object.hasOwn(kept, field)) continue
    const value = kept[field]
    delete kept[field]
    kept[`${field}Tail`] = typeof value === 'string' ? value.slice(-SECRET_TAIL_LENGTH) : null
    kept[`${field}ShownOnce`] = true
  }
  return kept
}

/** PostgreSQL text cannot hold U+0000: such input is refused here rather than failing in a query. */
function holdsNulCharacter(value: unknown): boolean {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const next = pending.pop()
    if (typeof next === 'string' && next.includes('\u0000')) return true
    if (typeof next === 'object' && next !== null) {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes('\u0000')) return true
        pending.push(inner)
      }
    }
  }
  return false
}

/**
 * Parsing marks the problems the schema wrote no message for (the parse-level map ranks below a
 * schema's own message), and keeps the input, so plainIssues can tell "missing" from "wrong".
 */
const VALIDATOR_WORDING = '\u0001validator'
const PARSE_OPTIONS = { reportInput: true, error: () => VALIDATOR_WORDING }

/** Bad input in plain words: the first problem as the message, and each field's beside it. */
function invalidInput(error: z.ZodError): AppError {
  const { message, fields } = plainIssues(
    error.issues.map((issue) => ({ ...issue, custom: issue.message !== VALIDATOR_WORDING }) as InputIssue),
  )
  return new AppError('INVALID_INPUT', message, fields)
}

function failure(error: unknown, functionName: string): Envelope<never> {
  if (error instanceof AppError) return errorEnvelope(error)
  // No connection (refused, timed out, dropped): the caller may try again; a write repeats with its
  // requestId and applies once. Never stored as a request's answer: runOnce records AppErrors only.
  if (isConnectionUnavailable(error)) {
    console.error(`[${functionName}] database unavailable`, innermostMessage(error))
    return errorEnvelope(new AppError('BUSY'))
  }
  console.error(`[${functionName}] unexpected failure`, error)
  return errorEnvelope(new AppError('INTERNAL'))
}
