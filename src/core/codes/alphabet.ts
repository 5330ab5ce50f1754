/**
 * The alphabets of short codes: none holds two characters that read as one another.
 * Crockford's base32 leaves out I, L, O and U (and reads O as 0, I and L as 1 when typed);
 * the invite alphabet leaves out 0, 1, O, I and L altogether.
 */
export const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CROCKFORD_LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' }
export const UNAMBIGUOUS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const DIGITS = '0123456789'
