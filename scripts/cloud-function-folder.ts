import { dependencies } from '../package.json'
import { TIMER_CRON } from '../src/core/timer-tick'

/** The deploy folder's package.json: the runtime installs wx-server-sdk, everything else is bundled. */
export function functionPackageJson(name: string) {
  return {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': dependencies['wx-server-sdk'] },
  }
}

/** What each function reaches beyond its database: cloud calls it may make, variables it reads. */
// CODE_HASH_KEY: every function with a state change keys its requests' fingerprints with it (idempotency.ts);
// account's whoami also names each user's photo folder with it (photo-folder.ts).
export const FUNCTION_NEEDS: Record<string, { openapi: string[]; env: string[]; timer?: { name: string; cron: string } }> = {
  account: { openapi: ['security.msgSecCheck'], env: ['CODE_HASH_KEY'] },
  score: { openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'], env: ['SUBSCRIBE_TEMPLATE_NOTICE', 'CODE_HASH_KEY'] },
  notice: { openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'], env: ['SUBSCRIBE_TEMPLATE_NOTICE', 'CODE_HASH_KEY'] },
  card: { openapi: [], env: ['CARD_TOKEN_SECRET', 'CODE_HASH_KEY'] },
  dividend: { openapi: [], env: ['CODE_HASH_KEY'] },
  org: { openapi: ['security.msgSecCheck'], env: ['CODE_HASH_KEY'] },
  matter: { openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'], env: ['SUBSCRIBE_TEMPLATE_NOTICE', 'CODE_HASH_KEY'] },
  credit: { openapi: [], env: ['CREDIT_SIGNING_KEY', 'CODE_HASH_KEY'] },
  merchant: { openapi: ['security.msgSecCheck'], env: ['CODE_HASH_KEY'] },
  street: { openapi: [], env: [] },
  wechatPush: { openapi: [], env: ['MESSAGE_PUSH_TOKEN'] },
  // WeChat's cron has 7 fields: second minute hour day month weekday year. Every 10 minutes, so a photo
  // whose answer was lost is asked again soon after its 30 minutes are up, and a reminder held through the
  // quiet hours goes out within ten minutes of 07:00. The timer sends reminders as subscribe messages.
  timer: {
    openapi: ['security.mediaCheckAsync', 'subscribeMessage.send'],
    env: ['SUBSCRIBE_TEMPLATE_NOTICE'],
    timer: { name: 'everyTenMinutes', cron: TIMER_CRON },
  },
}

/**
 * config.json of a cloud function: cloud-call permissions, timeout, the environment variables it reads,
 * and its timer trigger if it has one (WeChat allows one per function).
 */
export function functionConfigJson(name: string) {
  const needs = FUNCTION_NEEDS[name]
  if (!needs) throw new Error(`${name}: no entry in FUNCTION_NEEDS (scripts/cloud-function-folder.ts)`)
  return {
    permissions: { openapi: needs.openapi },
    ...(needs.timer ? { triggers: [{ name: needs.timer.name, type: 'timer', config: needs.timer.cron }] } : {}),
    timeout: needs.timer ? 60 : 20,
    envVariables: Object.fromEntries(['DATABASE_URL', ...needs.env].map((key) => [key, ''])),
  }
}
