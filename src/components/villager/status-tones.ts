import type { AppealStatus, RecordStatus } from '../../core/contracts/score'

export const APPEAL_TONES: Record<AppealStatus, 'wait' | 'good' | 'bad'> = { pending: 'wait', upheld: 'bad', overturned: 'good' }
export const CLAIM_TONES: Record<RecordStatus, 'wait' | 'good' | 'bad'> = { pending: 'wait', applied: 'good', rejected: 'bad' }
