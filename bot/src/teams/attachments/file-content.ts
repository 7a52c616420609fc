/**
 * What kind of file a reporter sent, judged on the bytes (never on the name or the
 * type Teams claims), and the same file without the metadata a photo carries: camera,
 * GPS position, software, dates and comments can point to the reporter.
 */
export type AllowedFileType = 'image/jpeg' | 'image/png' | 'application/pdf';

export const ALLOWED_FILE_TYPES: readonly AllowedFileType[] = ['image/jpeg', 'image/png', 'application/pdf'];

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_SIGNATURE = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]); // "%PDF-"

/** PNG chunks that hold text, EXIF or a timestamp; none is needed to show the image. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

export function detectFileType(bytes: Uint8Array): AllowedFileType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, PDF_SIGNATURE)) return 'application/pdf';
  return undefined;
}

/** The file with image metadata removed; undefined when an image is malformed (then it is refused). */
export function stripMetadata(type: AllowedFileType, bytes: Uint8Array): Uint8Array | undefined {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  return bytes;
}

/**
 * Keeps SOI, APP0 (JFIF), the tables and frame headers, and everything from the start of
 * scan on (the image data up to and including EOI); drops APP1..APP15 (EXIF, XMP, ICC,
 * maker notes) and COM segments.
 */
function stripJpeg(bytes: Uint8Array): Uint8Array | undefined {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    let marker = bytes[offset + 1];
    // Fill bytes (0xFF 0xFF ...) may precede a marker.
    while (marker === 0xff && offset + 1 < bytes.length) {
      offset += 1;
      marker = bytes[offset + 1];
    }
    if (marker === undefined) return undefined;
    if (marker === 0xd9) {
      kept.push(bytes.subarray(offset, offset + 2));
      return concat(kept);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(offset, offset + 2));
      offset += 2;
      continue;
    }
    const high = bytes[offset + 2];
    const low = bytes[offset + 3];
    if (high === undefined || low === undefined) return undefined;
    const end = offset + 2 + ((high << 8) | low);
    if (end > bytes.length || end < offset + 4) return undefined;
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data and whatever follows stay as they are.
      kept.push(bytes.subarray(offset));
      return endsWithEoi(bytes) ? concat(kept) : undefined;
    }
    const isMetadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!isMetadata) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  return undefined;
}

function endsWithEoi(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
}

/** Walks the chunks (length, type, data, CRC) up to IEND and leaves out the metadata chunks. */
function stripPng(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE.length)];
  let offset = PNG_SIGNATURE.length;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return undefined;
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    if (type === 'IEND') return concat(kept);
    offset = end;
  }
  return undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
