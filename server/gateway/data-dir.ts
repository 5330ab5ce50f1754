import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { StartRefusal } from './start-refusal'

/** The repository root: DATA_DIR and the built H5 app are found from here, wherever a command runs. */
export const PROJECT_ROOT = path.resolve(__dirname, '../..')

/** DATA_DIR (default .data/): the PGlite database, uploaded photos and the local card key. */
export function dataDirFromEnv(): string {
  return path.resolve(PROJECT_ROOT, process.env.DATA_DIR ?? '.data')
}

/**
 * Makes `folder` the owner's alone before anything is written in it: every file this process
 * creates from now on is private (umask 077, so PGlite's files are 0600, not 0666), the folder is
 * created 0700, and a folder that others on this computer can read or write is refused with the
 * command that closes it (the database, photos, the card key and the backup token lie inside).
 */
export function privateFolder(folder: string): void {
  process.umask(0o077)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  const mode = statSync(folder).mode & 0o777
  if ((mode & 0o077) !== 0) {
    throw new StartRefusal(
      `文件夹 ${folder} 这台电脑上的其他用户也能打开（权限 ${mode.toString(8).padStart(3, '0')}），里面有数据库和密钥，没有启动。` +
        `请先运行 chmod -R go-rwx '${folder}' 再试。`,
    )
  }
}
