import { Canvas, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { BigButton } from '../../components/big-button'
import type { BulletinView, NoticeView } from '../../core/contracts/notice'
import { formatLocalTime } from '../../core/period'

const CANVAS_ID = 'bulletin-poster-canvas'
/** Poster size in canvas units (drawn at 2× for a sharp image on phones). */
const WIDTH = 600
const SCALE = 2
const PAD = 32
const STATUS_COLOURS: Record<NoticeView['status'], string> = {
  open: '#7a4d00',
  proof_submitted: '#7a4d00',
  overdue: '#a3190f',
  rectified: '#0b5d3b',
  withdrawn: '#4a4a4a',
}

type Line = { text: string; font: string; colour: string; height: number }

/** The poster's lines, each notice's problem wrapped to the width. */
function posterLines(ctx: CanvasRenderingContext2D, bulletin: BulletinView): Line[] {
  const wrap = (text: string, font: string): string[] => {
    ctx.font = font
    const rows: string[] = []
    let row = ''
    for (const char of Array.from(text)) {
      if (ctx.measureText(row + char).width > WIDTH - PAD * 2 && row) {
        rows.push(row)
        row = char
      } else {
        row += char
      }
    }
    if (row) rows.push(row)
    return rows
  }
  const lines: Line[] = []
  const add = (text: string, font: string, colour: string, height: number) =>
    wrap(text, font).forEach((row) => lines.push({ text: row, font, colour, height }))
  add(bulletin.title, 'bold 34px sans-serif', '#ffffff', 48)
  add(`${bulletin.village} · ${formatLocalTime(bulletin.postedAt).slice(0, 10)}`, '26px sans-serif', '#ffffff', 44)
  lines.push({ text: '', font: '', colour: '', height: 24 })
  bulletin.notices.forEach((notice, i) => {
    add(`${i + 1}. ${notice.publicLabel}  【${notice.statusLabel}】`, 'bold 30px sans-serif', STATUS_COLOURS[notice.status], 44)
    add(notice.problem, '28px sans-serif', '#1a1a1a', 40)
    if (notice.status !== 'rectified' && notice.status !== 'withdrawn') {
      add(`整改期限 ${formatLocalTime(notice.deadline)}`, '24px sans-serif', '#4a4a4a', 36)
    }
    lines.push({ text: '', font: '', colour: '', height: 20 })
  })
  add('整改后拍照提交，核验通过积分加回。详情请看“善治积分”小程序。', '24px sans-serif', '#4a4a4a', 36)
  return lines
}

function draw(ctx: CanvasRenderingContext2D, lines: Line[], height: number) {
  ctx.fillStyle = '#fffdf6'
  ctx.fillRect(0, 0, WIDTH, height)
  const headerRows = lines.findIndex((line) => line.text === '')
  const headerHeight = PAD + lines.slice(0, headerRows).reduce((sum, line) => sum + line.height, 0) + 8
  ctx.fillStyle = '#0b5d3b'
  ctx.fillRect(0, 0, WIDTH, headerHeight)
  ctx.textBaseline = 'top'
  let y = PAD
  for (const line of lines) {
    if (line.text) {
      ctx.font = line.font
      ctx.fillStyle = line.colour
      ctx.fillText(line.text, PAD, y)
    }
    y += line.height
  }
}

/**
 * 生成海报: the 通报 drawn on a 2d canvas as one image, for groups where cards are not welcome.
 * Mini-program: canvasToTempFilePath, then 预览 / 保存到相册. H5: the canvas's data URL as an image
 * the user can long-press to save.
 */
export function BulletinPoster({ bulletin }: { bulletin: BulletinView }) {
  const [making, setMaking] = useState(false)
  const [image, setImage] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!making) return
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((result: { node?: Taro.Canvas }[]) => {
        const canvas = result[0]?.node
        if (!canvas) {
          setMaking(false)
          setProblem('这台手机画不了海报，请用分享卡片或复制链接')
          return
        }
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
        const lines = posterLines(ctx, bulletin)
        const posterHeight = PAD * 2 + lines.reduce((sum, line) => sum + line.height, 0)
        canvas.width = WIDTH * SCALE
        canvas.height = posterHeight * SCALE
        ctx.scale(SCALE, SCALE)
        draw(ctx, lines, posterHeight)
        void exportImage(canvas).then((url) => {
          setMaking(false)
          if (url) setImage(url)
          else setProblem('海报没有生成，请再试一次')
        })
      })
  }, [making, bulletin])

  const save = async () => {
    if (!image) return
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: image })
      void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      setProblem('没有保存。请允许保存到相册后再试，或点图片后长按保存')
    }
  }

  return (
    <View className="card bulletin-poster">
      <Text className="section-title">海报图片</Text>
      <Text className="muted-text">群里不方便发卡片时，把这张图片发到群里。图片上只有打码的户名。</Text>
      {making && <Canvas type="2d" id={CANVAS_ID} className="bulletin-poster__canvas" />}
      {image && (
        <View>
          <Image
            className="bulletin-poster__image"
            src={image}
            mode="widthFix"
            showMenuByLongpress
            onClick={() => void Taro.previewImage({ urls: [image], current: image })}
          />
          <Text className="muted-text">{process.env.TARO_ENV === 'weapp' ? '点图片看大图，长按可以转发。' : '长按图片保存，再发到群里。'}</Text>
          {process.env.TARO_ENV === 'weapp' && <BigButton onClick={() => void save()}>保存到相册</BigButton>}
        </View>
      )}
      {problem && <Text className="notices__problem">{problem}</Text>}
      {!image && (
        <BigButton
          kind="plain"
          onClick={() => {
            setProblem(null)
            setMaking(true)
          }}
        >
          {making ? '正在生成…' : '生成海报图片'}
        </BigButton>
      )}
    </View>
  )
}

/** The drawn canvas as an image: a temp file in the mini-program, a data URL in H5. */
async function exportImage(canvas: Taro.Canvas): Promise<string | null> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
      return tempFilePath
    }
    return (canvas as unknown as { toDataURL: (type: string) => string }).toDataURL('image/png')
  } catch {
    return null
  }
}
