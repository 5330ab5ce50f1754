import { spawn } from 'node:child_process'

/** The lock every engineer's build of dist/ and dist-h5/ takes (team rule: builds only under it). */
export const BUILD_LOCK = '/tmp/shz-build.lock'

/**
 * Takes the shared build lock and keeps it until the returned release is called: a `flock` child
 * holds it while its `cat` waits on our stdin, so it is also let go if this process dies.
 */
export function holdBuildLock(file = BUILD_LOCK): Promise<() => Promise<void>> {
  const holder = spawn('flock', [file, '-c', 'echo locked; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] })
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const endedEarly = (code: number | null) => reject(new Error(`flock ${file} ended (code ${code}) before it held the lock`))
    holder.once('error', reject)
    holder.once('exit', endedEarly)
    holder.stdout.once('data', () => {
      holder.off('exit', endedEarly)
      resolve(async () => {
        holder.stdin.end()
        await exited
      })
    })
  })
}
