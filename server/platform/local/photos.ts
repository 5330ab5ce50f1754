import { randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../../src/core/errors'
import { detectPhotoType, photoRefusal } from '../../../src/core/photo'

const LOCAL_FILE = /^[a-f0-9-]{36}\.(jpg|png|webp)$/
const CONTENT_TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const

/**
 * Demo mode's stand-in for cloud storage: photos go to a local folder and are named by a file id
 * "local://<uuid>.<type>", as weapp names them "cloud://…". The type comes from the bytes.
 */
export async function savePhoto(folder: string, bytes: Buffer): Promise<{ fileId: string }> {
  const refusal = photoRefusal(bytes)
  if (refusal) throw new AppError('INVALID_INPUT', refusal)
  const name = `${randomUUID()}.${detectPhotoType(bytes)}`
  await mkdir(folder, { recursive: true, mode: 0o700 })
  await writeFile(path.join(folder, name), bytes, { mode: 0o600 })
  return { fileId: `local://${name}` }
}

/** A stored photo by its file name, or null when there is none. */
export async function readPhoto(folder: string, name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = LOCAL_FILE.exec(name)
  if (!match) return null
  try {
    return { bytes: await readFile(path.join(folder, name)), contentType: CONTENT_TYPES[match[1] as keyof typeof CONTENT_TYPES] }
  } catch {
    return null
  }
}
