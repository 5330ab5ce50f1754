import { open, stat, type FileHandle } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** What became of a static request when it was not a file sent whole. */
export type StaticMiss = 'not-found' | 'unavailable'

/**
 * Serves the built H5 app from `root`, which a rebuild may swap (a symlink) or rewrite at any time.
 * Each request opens its file once and streams from that open file, so a file that vanishes after
 * the open is still sent whole; a missing file is 'not-found', a missing app (no index.html: not
 * built yet or being rebuilt in place) 'unavailable'. A read or write that fails mid-stream (the
 * client went away) ends that response only. Resolves null once it has answered, else the miss.
 */
export function createStaticFiles(root: string) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<StaticMiss | null> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return 'not-found'
    const relative = safeRelativePath(pathname)
    if (relative === null) return 'not-found'
    const found = await openFile(path.join(root, relative))
    if (!found) return (await exists(path.join(root, 'index.html'))) ? 'not-found' : 'unavailable'
    const { handle, size, mtimeMs, file } = found
    const etag = `W/"${size}-${Math.floor(mtimeMs)}"`
    const headers = {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      etag,
    }
    if (req.headers['if-none-match'] === etag) {
      await handle.close()
      res.writeHead(304, headers).end()
      return null
    }
    res.writeHead(200, { ...headers, 'content-length': size })
    if (req.method === 'HEAD' || size === 0) {
      await handle.close()
      res.end()
      return null
    }
    pipeline(handle.createReadStream({ start: 0, end: size - 1 }), res, (error) => {
      if (error) res.destroy()
    })
    return null
  }
}

/** The path below the root, or null for anything that could leave it or name a hidden file. */
function safeRelativePath(pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const normal = path.posix.normalize(`/${decoded}`)
  if (normal.split('/').some((part) => part.startsWith('.'))) return null
  return normal.endsWith('/') ? `${normal}index.html` : normal
}

/** The open file (a folder's index.html for a folder), or null when there is none. */
async function openFile(file: string): Promise<{ handle: FileHandle; size: number; mtimeMs: number; file: string } | null> {
  let handle: FileHandle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if (isMissing(error)) return null
    throw error
  }
  try {
    const info = await handle.stat()
    if (info.isFile()) return { handle, size: info.size, mtimeMs: info.mtimeMs, file }
    await handle.close()
    return info.isDirectory() && path.basename(file) !== 'index.html' ? openFile(path.join(file, 'index.html')) : null
  } catch (error) {
    await handle.close()
    throw error
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch (error) {
    if (isMissing(error)) return false
    throw error
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG'
}
