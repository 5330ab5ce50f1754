import { gunzipSync, gzipSync } from 'node:zlib'
import { isKeptSecretFile } from '../services/shared/kept-secret'
import { LOCK_FILE } from './data-dir-lock'

const BLOCK = 512

/**
 * A copy of the data folder (PGlite's gzipped tar) without what must not travel with a backup: the
 * folder's lock files (the gateway's lock holds the live backup token) and the local keys (card
 * tokens, code hashes, certificates: whoever held them could forge tokens and certificates). Entries are whole 512-byte blocks, so dropping one is cutting out its header and data;
 * a long-name or pax header in front of a dropped entry goes with it.
 */
export function withoutPrivateFiles(tarball: Buffer): Buffer {
  const tar = gunzipSync(tarball)
  const kept: Buffer[] = []
  let pendingMeta: Buffer[] = []
  let offset = 0
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK)
    if (header.every((byte) => byte === 0)) break
    const size = parseInt(field(header, 124, 12).trim() || '0', 8)
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK
    const entry = tar.subarray(offset, end)
    const type = String.fromCharCode(header[156])
    offset = end
    if (type === 'x' || type === 'L' || type === 'g') {
      pendingMeta.push(entry)
      continue
    }
    const name = `${field(header, 345, 155)}${field(header, 0, 100)}`.replace(/^(\.?\/)+/, '')
    if (!isLockFile(name) && !isKeptSecretFile(name)) kept.push(...pendingMeta, entry)
    pendingMeta = []
  }
  // The end of the archive: two zero blocks.
  kept.push(Buffer.alloc(BLOCK * 2))
  return gzipSync(Buffer.concat(kept))
}

function isLockFile(name: string): boolean {
  return name === LOCK_FILE || name.startsWith(`${LOCK_FILE}.`)
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length)
  const nul = raw.indexOf(0)
  return raw.subarray(0, nul === -1 ? length : nul).toString('utf8')
}
