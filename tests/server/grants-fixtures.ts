import { crc32 } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { GrantCallInput } from '../../shared/grants';
import type { ApiClient } from '../helpers/api-client';
import { signedInClient } from '../helpers/factories';

// Shared by the grants test files: dates in Stockholm, call input, multipart bodies, small files.

/** Today's date in Stockholm, plus `days`, as YYYY-MM-DD (deadlines are local dates). */
export function stockholmDate(days = 0): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function callInput(overrides: Partial<GrantCallInput> = {}): GrantCallInput {
  return {
    funderKind: 'foundation',
    funderName: 'Stiftelsen Stockholms Framtid',
    title: `Projektstöd ${Math.random().toString(36).slice(2, 7)}`,
    url: 'https://stiftelsen.example.se/utlysning',
    amountMin: 50_000,
    amountMax: 300_000,
    eligibility: 'Ideella föreningar i Stockholm.',
    description: 'Stöd till nya verksamheter för unga.',
    targetGroups: ['barn-och-unga'],
    deadlines: [{ date: stockholmDate(30), note: '' }],
    ...overrides,
  };
}

/** Makes a fresh person an active (ordinary) member of an organisation. */
export async function memberOf(app: FastifyInstance, organisationId: string, admin: ApiClient) {
  const person = await signedInClient(app, 'user');
  const asked = await person.client.post(`/api/organisations/${organisationId}/members`);
  if (asked.statusCode !== 201) throw new Error(`join failed: ${asked.statusCode} ${asked.body}`);
  const approved = await admin.post(`/api/organisations/${organisationId}/members/${person.user.id}/approve`);
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.statusCode} ${approved.body}`);
  return person;
}

export interface FilePart {
  name?: string;
  fileName: string;
  contentType?: string;
  content: Buffer | string;
}

/** A multipart/form-data body with text fields and file parts, as a browser's FormData sends it. */
export function multipart(fields: Record<string, string>, files: FilePart[]) {
  const boundary = `----grants${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    // RFC 7578: the name in the header as UTF-8 (what browsers send).
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POSTs a multipart body through the client (cookie, Origin, language). */
export function upload(client: ApiClient, url: string, fields: Record<string, string>, files: FilePart[]) {
  const body = multipart(fields, files);
  return client.post(url, body.payload, { headers: body.headers });
}

// --- small real files ---------------------------------------------------------------------------

export const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** A Windows executable: "MZ", a DOS stub, "PE\0\0". */
export const exeBytes = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(56), Buffer.from('PE\x00\x00', 'latin1'), Buffer.alloc(64, 0x90)]);

export const htmlBytes = Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n');

export const pngBytes = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd2d8b0000000049454e44ae426082',
  'hex',
);

/** A ZIP archive with stored (uncompressed) entries. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const docxBytes = zip({
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
});

export const odtBytes = zip({
  mimetype: 'application/vnd.oasis.opendocument.text',
  'content.xml': '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
});

/** A ZIP that is no office document (e.g. a zipped program). */
export const plainZipBytes = zip({ 'setup.exe': 'MZ not really', 'readme.txt': 'Kör setup.exe' });

/** The start of a JFIF JPEG (SOI, APP0) and its end marker. */
export const jpegBytes = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(32, 0x11), Buffer.from('ffd9', 'hex')]);
