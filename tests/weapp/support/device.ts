/** A photo the test puts in the phone's album or camera: its bytes and a temp path the app sees. */
export type DevicePhoto = { path: string; bytes: Buffer }

/**
 * The phone around the mini-program: what a person would do with their hands (answer a modal, point
 * the camera at a code, pick photos, allow a subscription) is queued here by the test, and what the
 * phone shows or keeps (toasts, the clipboard, saved images, temp files) is recorded here for it to read.
 */
export class Device {
  readonly storage = new Map<string, string>()
  /** The phone's network: off, WeChat's calls fail as with no signal (setNetwork). */
  online = true
  readonly networkListeners = new Set<(status: { isConnected: boolean; networkType: string }) => void>()
  /** Calls that still get through before the signal drops by itself (dropNetworkAfter); null: it holds. */
  callsBeforeDrop: number | null = null
  readonly tempFiles = new Map<string, Buffer>()
  readonly toasts: string[] = []
  readonly modals: { title: string; content: string; confirmed: boolean }[] = []
  readonly savedToAlbum: string[] = []
  readonly subscribeRequests: string[][] = []
  /** Files the app wrote under wx.env.USER_DATA_PATH, by path. */
  readonly userFiles = new Map<string, Buffer>()
  /** Documents opened in WeChat's viewer (openDocument), in order. */
  readonly openedDocuments: { filePath: string; fileType: string }[] = []
  clipboard = ''
  /**
   * The 隐私保护指引 agreement as WeChat keeps it for this user: until agreed, privacy interfaces wait
   * on the app's onNeedPrivacyAuthorization and fail with errno 104 when it answers disagree. Every phone
   * a test opens starts not agreed, so every journey meets the consent step.
   */
  privacyAgreed = false
  /** Ids of buttons with open-type="agreePrivacyAuthorization" the person tapped (WeChat checks resolve's buttonId against them). */
  readonly agreeButtonsTapped = new Set<string>()
  /** Each time the app was asked for consent: the interface that asked (eventInfo.referrer) and the answer. */
  readonly privacyPrompts: { referrer: string; answer: 'agree' | 'disagree' | 'pending' }[] = []
  private readonly modalAnswers: boolean[] = []
  private readonly cameraReads: string[] = []
  private readonly pickedPhotos: DevicePhoto[][] = []
  private subscribeAnswer: 'accept' | 'reject' = 'accept'
  private tempCounter = 0

  /** The signal drops by itself after `calls` more cloud calls (uploads and functions) got through. */
  dropNetworkAfter(calls: number): void {
    this.callsBeforeDrop = calls
  }

  /** The next showModal is answered with 确定 (true) or 取消 (false). */
  answerNextModal(confirm: boolean): void {
    this.modalAnswers.push(confirm)
  }

  takeModalAnswer(title: string, content: string): boolean {
    const confirmed = this.modalAnswers.shift()
    if (confirmed === undefined) throw new Error(`showModal "${title}: ${content}" appeared and the test gave no answer`)
    this.modals.push({ title, content, confirmed })
    return confirmed
  }

  /** The next scanCode reads this text (what the camera sees). */
  pointCameraAt(text: string): void {
    this.cameraReads.push(text)
  }

  takeCameraRead(): string | undefined {
    return this.cameraReads.shift()
  }

  /** The next chooseImage / chooseMedia picks these photos; without a queued pick the person cancels. */
  pickPhotos(...photos: Buffer[]): void {
    this.pickedPhotos.push(photos.map((bytes) => ({ path: this.saveTempFile(bytes, 'jpg'), bytes })))
  }

  takePickedPhotos(): DevicePhoto[] | undefined {
    return this.pickedPhotos.shift()
  }

  /** What the person answers to requestSubscribeMessage. */
  answerSubscriptions(answer: 'accept' | 'reject'): void {
    this.subscribeAnswer = answer
  }

  takeSubscribeAnswer(templateIds: string[]): 'accept' | 'reject' {
    this.subscribeRequests.push(templateIds)
    return this.subscribeAnswer
  }

  saveTempFile(bytes: Buffer, extension: string): string {
    this.tempCounter += 1
    const path = `wxfile://tmp_${this.tempCounter}.${extension}`
    this.tempFiles.set(path, bytes)
    return path
  }
}
