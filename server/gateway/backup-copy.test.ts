import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { KEPT_SECRET_FILES } from '../services/shared/kept-secret'
import { openPglite } from '../store/open-pglite'
import { withoutPrivateFiles } from './backup-copy'
import { LOCK_FILE } from './data-dir-lock'

describe('what a backup of the data folder holds', () => {
  it('When the folder holds the lock and the local keys beside the data and photos, then the copy holds the data and photos but neither the lock nor any key', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'backup-copy-'))
    try {
      const database = await openPglite(folder)
      await database.db.execute('select 1')
      for (const file of Object.values(KEPT_SECRET_FILES)) writeFileSync(path.join(folder, file), `KEY-MARKER-${file}`, { mode: 0o600 })
      writeFileSync(path.join(folder, `${KEPT_SECRET_FILES.cardToken}.4242.abcd1234`), 'KEY-MARKER-draft', { mode: 0o600 })
      writeFileSync(path.join(folder, LOCK_FILE), 'LOCK-MARKER-token', { mode: 0o600 })
      writeFileSync(path.join(folder, 'photo-marker.jpg'), 'PHOTO-MARKER', { mode: 0o600 })
      const tar = gunzipSync(withoutPrivateFiles(await database.dump!())).toString('latin1')
      await database.close()
      expect(tar).toContain('PHOTO-MARKER')
      expect(tar).toContain('PG_VERSION')
      expect(tar).not.toContain('KEY-MARKER')
      expect(tar).not.toContain('LOCK-MARKER')
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
