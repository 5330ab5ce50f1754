import { chmodSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { formatInviteCode } from '../src/core/roster/invite-code'
import { formatLocalTime } from '../src/core/period'
import { privateFolder } from '../server/gateway/data-dir'
import { StartRefusal } from '../server/gateway/start-refusal'
import { setUpStreet, SetupRefused } from '../server/services/org/street-setup'
import { openMigratedDatabase } from '../server/store/open-database'

const USAGE = `用法：npm run setup -- --street 当湖街道 [--new-admin-code] [--another-street] [--png 管理员码.png]
  --street          街道（或镇）的名字；第一次运行时建立它
  --new-admin-code  街道已经建好时，再发一个一次性的管理员码（例如原来的码过期了）
  --another-street  这里已有别的街道时，确实要再建一个
  --png FILE        另外把管理员码的二维码存成 PNG 图片
数据库：DATABASE_URL（PostgreSQL），没有时用 DATA_DIR（默认 .data/）里的内置数据库。`

/**
 * `npm run setup`: puts a street into use on an empty installation. Creates the street and prints
 * a one-time administrator code with its QR; the first administrator scans or types it in the
 * mini-program (我是工作人员). Migrations are applied first, as the gateway does.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      street: { type: 'string' },
      'new-admin-code': { type: 'boolean', default: false },
      'another-street': { type: 'boolean', default: false },
      png: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const name = values.street?.trim()
  if (values.help || !name) {
    console.log(USAGE)
    process.exitCode = values.help ? 0 : 2
    return
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data')
  // The database and the code's QR picture are the owner's alone (an admin code is the street's key).
  process.umask(0o077)
  if (!process.env.DATABASE_URL) privateFolder(dataDir)
  if (process.env.DATABASE_URL && !process.env.CODE_HASH_KEY) {
    // The admin code is kept as an HMAC under CODE_HASH_KEY: the cloud functions must hash with the same key.
    console.warn('注意：没有设置 CODE_HASH_KEY，管理员码按 DATA_DIR 里的本地密钥保存。对云端数据库运行时，请设成与 account、org 云函数相同的 CODE_HASH_KEY，否则这个码在小程序里用不了。')
  }
  const database = await openMigratedDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir })
  try {
    const setup = await setUpStreet(database.db, { name, newAdminCode: values['new-admin-code'], anotherStreet: values['another-street'] })
    console.log(setup.created ? `已建立街道：${setup.street.name}（${setup.street.id}）` : `街道“${setup.street.name}”已经建好了（${setup.street.id}），没有再建。`)
    if (!setup.adminInvite) {
      console.log('没有发新的管理员码。如需要，请加 --new-admin-code 再运行一次。')
      return
    }
    const code = setup.adminInvite.code
    console.log(`\n街道管理员的一次性工作码：${formatInviteCode(code)}`)
    console.log(`有效到 ${formatLocalTime(setup.adminInvite.expiresAt)}（北京时间），只能用一次。`)
    console.log('请管理员打开小程序，点“我是工作人员”，扫下面的二维码或输入工作码。\n')
    console.log(await QRCode.toString(code, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }))
    if (values.png) {
      const png = path.resolve(values.png)
      writeFileSync(png, await QRCode.toBuffer(code, { errorCorrectionLevel: 'M', margin: 2, width: 600 }), { mode: 0o600 })
      // A file that was there already keeps its mode through a write: closed here too.
      chmodSync(png, 0o600)
      console.log(`二维码图片已存到 ${png}（只有您能打开；用完请删掉）`)
    }
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error
    console.error(error.message)
    process.exitCode = 1
  } finally {
    await database.close()
  }
}

main().catch((error) => {
  console.error(error instanceof StartRefusal ? error.message : error)
  process.exit(1)
})
