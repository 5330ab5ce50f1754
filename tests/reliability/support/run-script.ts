import { spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')

/** Runs `scripts/<name>` as `npm run` would (tsx, from the repository root) with DATA_DIR set; its exit code and output. */
export function runScript(name: string, args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const { DATABASE_URL: _embedded, INIT_CWD: _cwd, ...env } = process.env
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [`scripts/${name}`, ...args], { cwd: ROOT, env: { ...env, DATA_DIR: dataDir } })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: output.trim() })))
}
