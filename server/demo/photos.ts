import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { savePhoto } from '../platform/local/photos'

const SCENES = ['clutter', 'tidy', 'charging', 'volunteer'] as const
export type DemoScene = (typeof SCENES)[number]
export type DemoPhotos = Record<DemoScene, string>

/**
 * The demo's evidence photos (small drawn scenes, each labelled 示例照片) copied into the gateway's
 * photo folder, so inspections, proofs and claims of the seeded story show real thumbnails.
 * Without a folder (a database-only seed) the file ids name photos nobody can fetch.
 */
export async function saveDemoPhotos(photoDir: string | undefined): Promise<DemoPhotos> {
  const saved = {} as DemoPhotos
  for (const scene of SCENES) {
    saved[scene] = photoDir
      ? (await savePhoto(photoDir, await readFile(path.join(__dirname, 'photo-files', `${scene}.jpg`)))).fileId
      : `local://00000000-0000-4000-8000-00000000000${SCENES.indexOf(scene)}.jpg`
  }
  return saved
}
