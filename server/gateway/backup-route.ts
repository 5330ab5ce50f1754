import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { errorEnvelope } from '../../src/core/contracts/envelope'
import { AppError } from '../../src/core/errors'
import { sendJson } from './respond'

/** What `POST /api/admin/backup` needs: the token from the data folder's lock file, and the dump. */
export type BackupAccess = { token: string; dump(): Promise<Buffer> }

export const BACKUP_ROUTE = '/api/admin/backup'
export const ADMIN_TOKEN_HEADER = 'x-admin-token'

/**
 * `npm run db:backup` asks the running gateway, the one process allowed to open the PGlite folder,
 * for a consistent copy. The caller proves it may read the data folder by sending the token that
 * only the folder's lock file holds (readable by its owner only); a web page cannot, since it can
 * neither read the file nor send the header across origins without a preflight this route refuses.
 */
export async function serveBackup(access: BackupAccess, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const given = Buffer.from(String(req.headers[ADMIN_TOKEN_HEADER] ?? ''))
  const expected = Buffer.from(access.token)
  if (req.method !== 'POST' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return sendJson(res, 403, errorEnvelope(new AppError('FORBIDDEN', '只有这台电脑上管理数据文件夹的人可以备份')))
  }
  const tarball = await access.dump()
  res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': tarball.length, 'cache-control': 'no-store' })
  res.end(tarball)
}
