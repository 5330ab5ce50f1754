import type { Page } from 'playwright-core'
import { visibleText } from './ui'

/**
 * A small real JPEG drawn by the browser's canvas (FF D8 FF E0 … JFIF), so Taro H5's picker can decode
 * it and thumbnails show in the screenshots.
 */
export async function drawJpeg(page: Page, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas')
    canvas.width = 64
    canvas.height = 48
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.fillStyle = fill
    context.fillRect(0, 0, 64, 48)
    return canvas.toDataURL('image/jpeg', 0.8)
  }, colour)
  const jpeg = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
  expect([...jpeg.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0])
  return jpeg
}

/** Taro.chooseImage in H5: on a phone's browser it may first ask 拍摄 or 从相册选择; elsewhere the file picker opens at once. */
export async function pickPhoto(page: Page, buttonText: string, jpeg: Buffer, name = 'photo.jpg'): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await visibleText(page, buttonText).click()
  const sheet = visibleText(page, '从相册选择')
  const opened = await Promise.race([chooser.then(() => 'picker' as const), sheet.waitFor().then(() => 'sheet' as const)])
  if (opened === 'sheet') await sheet.click()
  await (await chooser).setFiles({ name, mimeType: 'image/jpeg', buffer: jpeg })
}

/** Uploads a photo as a demo user the way the H5 app does (`POST /api/photos`); answers its fileId (local://….jpg). */
export async function uploadPhoto(baseUrl: string, openid: string, jpeg: Buffer): Promise<string> {
  const response = await fetch(`${baseUrl}/api/photos`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-dev-openid': openid },
    body: new Uint8Array(jpeg),
  })
  const envelope = (await response.json()) as { ok: boolean; data?: { fileId: string } }
  if (!envelope.ok || !envelope.data) throw new Error(`photo upload failed: ${JSON.stringify(envelope)}`)
  return envelope.data.fileId
}
