import { ROSTER_MAX_BYTES, type PickedRosterFile } from './roster-file'

export type { PickedRosterFile, RosterFile } from './roster-file'

/** The H5 file pick: a plain file input (Taro's H5 has no chooseMessageFile). Null when cancelled. */
export function pickRosterFile(): Promise<PickedRosterFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv'
    input.style.display = 'none'
    const finish = (result: PickedRosterFile | null) => {
      input.remove()
      resolve(result)
    }
    input.addEventListener('cancel', () => finish(null))
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return finish(null)
      if (file.size > ROSTER_MAX_BYTES) return finish({ ok: false, message: '文件不能超过 2 MB' })
      const reader = new FileReader()
      reader.onload = () => {
        const dataUrl = String(reader.result)
        finish({ ok: true, file: { fileName: file.name, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) } })
      }
      reader.onerror = () => finish({ ok: false, message: '文件读不出来，请重新选择' })
      reader.readAsDataURL(file)
    })
    document.body.appendChild(input)
    input.click()
  })
}
