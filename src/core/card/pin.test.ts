import { pinProblem } from './pin'

describe('printed card PINs', () => {
  it('When a PIN is six digits and not trivial, then it is accepted', () => {
    expect(pinProblem('480913')).toBeNull()
  })

  it('When a PIN is short, not digits, all one digit or a run, then it is refused with a reason', () => {
    for (const pin of ['12345', '12345a', '888888', '123456', '654321', '1234567']) expect(pinProblem(pin)).not.toBeNull()
  })
})
