import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

/** Test files with metadata carrying a marker, and a local server that plays the Teams download link. */
export function jpegWithExif(marker: string, imageMarker: string): Buffer {
  const segment = (type: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, type, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(`GPS 52.26N 6.79E ${marker}`)])),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${marker}</x:xmpmeta>`)),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xfe, Buffer.from(`comment ${marker}`)),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from(`scan-data-${imageMarker}`),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function pngWithText(marker: string): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('tEXt', Buffer.from(`Author\0${marker}`, 'latin1')),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 1, 15, 12, 0, 0])),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function pdfWith(marker: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export function exeWith(marker: string): Buffer {
  return Buffer.concat([Buffer.from('MZ\x90\0', 'latin1'), Buffer.from(`This program cannot be run in DOS mode ${marker}`)]);
}

export interface FileServer {
  url(name: string): string;
  serve(name: string, bytes: Buffer): void;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const bytes = files.get(decodeURIComponent((req.url ?? '').slice(1)));
    if (!bytes) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (name) => `${base}/${encodeURIComponent(name)}`,
    serve: (name, bytes) => void files.set(name, bytes),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The attachment Teams puts in an activity for a file sent in a personal chat. */
export function teamsFile(name: string, downloadUrl: string, fileType: string) {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    contentUrl: 'https://contoso.sharepoint.com/personal/reporter/Documents/Microsoft%20Teams%20Chat%20Files/' + name,
    content: { downloadUrl, uniqueId: name, fileType },
  };
}
