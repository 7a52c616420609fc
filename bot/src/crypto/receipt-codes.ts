import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Clock, ReceiptCodeRepository, ReceiptCodes } from '@weerbaar/shared';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LOOKUP_LENGTH = 8; // 40 bits: only finds the row, proves nothing
const SECRET_LENGTH = 20; // 100 bits: the part that proves possession
const GROUP = 4;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** About 50-100 ms and 32 MiB per check on a server core: cheap once, expensive by the million. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out;
}

/** Upper case, separators dropped, and the letters people confuse with digits read as those digits. */
export function normaliseReceiptCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

function formatCode(raw: string): string {
  return raw.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? raw;
}

function hashSecret(secret: string, salt: Uint8Array, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Receipt codes for anonymous reporters: `LLLL-LLLL-SSSS-SSSS-SSSS-SSSS-SSSS`, a lookup
 * part (8 characters) and a secret part (20 characters, 100 random bits). The store keeps
 * the lookup part and a salted scrypt hash of the secret; the code itself is shown once.
 */
export class ScryptReceiptCodes implements ReceiptCodes {
  private readonly dummySalt = randomBytes(16);

  constructor(
    private readonly repository: ReceiptCodeRepository,
    private readonly clock: Clock,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {}

  async issue(signalId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const lookup = randomBase32(LOOKUP_LENGTH);
      const secret = randomBase32(SECRET_LENGTH);
      const salt = randomBytes(16);
      const hash = await hashSecret(secret, salt, this.cost);
      const stored = await this.repository.insert({ lookup, signalId, salt, hash, createdAt: this.clock.now().toISOString() });
      if (stored) return formatCode(lookup + secret);
    }
    throw new Error('could not draw an unused receipt code lookup');
  }

  async verify(code: string): Promise<string | undefined> {
    const raw = normaliseReceiptCode(code);
    if (raw.length !== LOOKUP_LENGTH + SECRET_LENGTH || ![...raw].every((c) => ALPHABET.includes(c))) return undefined;
    const stored = await this.repository.find(raw.slice(0, LOOKUP_LENGTH));
    // Hash even for an unknown lookup, so the answer time does not tell which lookups exist.
    const hash = await hashSecret(raw.slice(LOOKUP_LENGTH), stored?.salt ?? this.dummySalt, this.cost);
    if (!stored || stored.hash.length !== hash.length) return undefined;
    return timingSafeEqual(Buffer.from(stored.hash), hash) ? stored.signalId : undefined;
  }
}
