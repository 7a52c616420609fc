/**
 * Receipt codes let an anonymous reporter come back to their signal (read replies,
 * answer questions) without the app knowing who they are. A code is a lookup part and
 * a secret part; only a slow hash of the secret is stored, so a stolen database does
 * not yield usable codes and checking a code costs one hash, not a scan.
 */
export interface ReceiptCodes {
  /** Issues a new code for the signal. The code is returned once and never stored in plain text. */
  issue(signalId: string): Promise<string>;
  /** The signal the code belongs to, or undefined for an unknown, mistyped or forged code. */
  verify(code: string): Promise<string | undefined>;
}

/** How a receipt code is kept: the lookup part in the clear, the secret only as a salted slow hash. */
export interface StoredReceiptCode {
  lookup: string;
  signalId: string;
  salt: Uint8Array;
  hash: Uint8Array;
  createdAt: string;
}

export interface ReceiptCodeRepository {
  /** Stores a code; false when the lookup part is taken already (the caller draws a new one). */
  insert(code: StoredReceiptCode): Promise<boolean>;
  find(lookup: string): Promise<StoredReceiptCode | undefined>;
  /** Removes the codes of a signal (retention, erasure). */
  deleteForSignal(signalId: string): Promise<void>;
}
