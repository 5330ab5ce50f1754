import path from 'node:path'

/** The repository root: DATA_DIR and the built H5 app are found from here, wherever a command runs. */
export const PROJECT_ROOT = path.resolve(__dirname, '../..')

/** DATA_DIR (default .data/): the PGlite database, uploaded photos and the local card key. */
export function dataDirFromEnv(): string {
  return path.resolve(PROJECT_ROOT, process.env.DATA_DIR ?? '.data')
}
