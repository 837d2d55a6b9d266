import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { documentFileTypes, maxDocumentBytes, uploadFieldsSchema, type DocumentCategory, type GrantDocument } from '../../../shared/grants';
import { isMessageKey, type MessageKey } from '../../../shared/messages';
import type { Db, Tx } from '../../db/client';
import { grantDocuments, grantKnowHow } from '../../db/schema/grants';
import { auditLog } from '../../db/schema/index';
import { DomainError, forbidden, invalid, notFound, type DomainFieldError } from '../../lib/errors';
import { recordEvents } from '../../lib/events';
import type { AuthUser } from '../../lib/sessions';
import { findActiveCall } from './calls';
import { findKnowHow } from './know-how';
import { canAddCallDocument, canAddKnowHowDocument, canDeleteDocument } from './policy';
import { documentColumns, presentDocument } from './presenter';
import { documentAdded, documentRemoved } from './realtime';
import { cleanFileName, extensionOf, servedContentType, sniffDocument } from './sniff';

// Shared documents (templates, budgets, examples) on a call or on an organisation's know-how: a
// link, or a file of at most 5 MB kept in the database. A file's type is decided from its bytes;
// a name that claims another type is refused rather than served under a misleading name.

/** Where a document goes: a call, or a know-how entry (whose call's room hears of it). */
export type DocumentTarget = { callId: string } | { knowHowId: string };

interface ResolvedTarget {
  callId: string | null;
  knowHowId: string | null;
  /** The call whose room hears about the document. */
  roomCallId: string;
}

async function resolveTarget(db: Db, user: AuthUser, target: DocumentTarget): Promise<ResolvedTarget> {
  if ('callId' in target) {
    await findActiveCall(db, target.callId);
    if (!canAddCallDocument(user)) throw forbidden();
    return { callId: target.callId, knowHowId: null, roomCallId: target.callId };
  }
  const knowHow = await findKnowHow(db, target.knowHowId);
  await findActiveCall(db, knowHow.callId);
  if (!canAddKnowHowDocument(user, knowHow)) throw forbidden();
  return { callId: null, knowHowId: knowHow.id, roomCallId: knowHow.callId };
}

interface NewDocument {
  title: string;
  category: DocumentCategory;
  url?: string;
  file?: { fileName: string; contentType: string; content: Buffer };
}

/**
 * Files are kept in the database, so one person's uploads are capped per 24 hours: a clear 429 with
 * Retry-After. A lock per person makes parallel uploads count one after the other.
 */
async function checkUploadQuota(tx: Tx, user: AuthUser, size: number, dailyBytes: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('grant-uploads'), hashtext(${user.id}))`);
  const [row] = await tx
    .select({
      total: sql<number>`coalesce(sum(${grantDocuments.size}), 0)::bigint`,
      oldest: sql<Date | null>`min(${grantDocuments.createdAt})`,
      now: sql<Date>`now()`,
    })
    .from(grantDocuments)
    .where(and(eq(grantDocuments.uploadedBy, user.id), gt(grantDocuments.createdAt, sql`now() - interval '24 hours'`)));
  if (Number(row.total) + size <= dailyBytes) return;
  const seconds = row.oldest ? Math.max(1, Math.ceil((new Date(row.oldest).getTime() + 86400_000 - new Date(row.now).getTime()) / 1000)) : 86400;
  throw new DomainError(429, 'grants.uploadQuota', { mb: Math.round(dailyBytes / 1024 / 1024), hours: Math.ceil(seconds / 3600) }, [], { 'retry-after': String(seconds) });
}

async function insertDocument(db: Db, user: AuthUser, target: ResolvedTarget, input: NewDocument, dailyBytes = Infinity): Promise<GrantDocument> {
  return db.transaction(async (tx) => {
    if (input.file) await checkUploadQuota(tx, user, input.file.content.length, dailyBytes);
    const [row] = await tx
      .insert(grantDocuments)
      .values({
        callId: target.callId,
        knowHowId: target.knowHowId,
        title: input.title,
        category: input.category,
        url: input.url ?? null,
        fileName: input.file?.fileName ?? null,
        contentType: input.file?.contentType ?? null,
        size: input.file ? input.file.content.length : null,
        content: input.file?.content ?? null,
        uploadedBy: user.id,
      })
      .returning(documentColumns);
    const document = presentDocument(row);
    await recordEvents(tx, [documentAdded(target.roomCallId, document)]);
    return document;
  });
}

export async function addLink(db: Db, user: AuthUser, target: DocumentTarget, input: { title: string; category: DocumentCategory; url: string }): Promise<GrantDocument> {
  const resolved = await resolveTarget(db, user, target);
  return insertDocument(db, user, resolved, input);
}

export interface Upload {
  fileName: string;
  content: Buffer;
  title?: string;
  category: DocumentCategory;
}

const fileError = (status: number, key: MessageKey, params?: Record<string, string | number>) =>
  // Titled like a validation error: the field message says what is wrong with the file.
  new DomainError(status, 'error.validation', {}, [{ field: 'file', key, params }]);

/** zod issues of the text fields as field errors (their messages are message keys). */
function fieldIssues(issues: readonly { code: string; path: PropertyKey[]; message: string; keys?: string[]; maximum?: unknown }[]): DomainFieldError[] {
  return issues.flatMap((issue): DomainFieldError[] => {
    if (issue.code === 'unrecognized_keys') return (issue.keys ?? []).map((key) => ({ field: key, key: 'field.unknownField', params: { keys: key } }));
    const field = issue.path.map(String).join('.');
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : 'field.invalid';
    return [{ field, key, params: { max: Number(issue.maximum ?? 0), min: 0 } }];
  });
}

/**
 * Reads a multipart upload: one part named `file` (at most 5 MB) and the text fields `title` and
 * `category`. Bad input is a field error: 400 (missing or empty file, bad fields), 413 (too large),
 * 415 (not multipart, or a file type we do not accept), 422 (the name claims another type).
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw fileError(415, 'grants.multipartRequired');
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | null = null;
  const errors: DomainFieldError[] = [];
  try {
    const parts = request.parts({ limits: { fileSize: maxDocumentBytes, files: 1, fields: 5, fieldSize: 2000, parts: 6 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname !== 'file') errors.push({ field: part.fieldname, key: 'field.unknownField', params: { keys: part.fieldname } });
        else file = { fileName: part.filename, content };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileError(413, 'grants.fileTooLarge', { max: maxDocumentBytes / 1024 / 1024 });
    if (code === 'FST_FILES_LIMIT') throw fileError(400, 'grants.oneFile');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw invalid([{ field: '(body)', key: 'field.tooBig', params: { max: 5 } }]);
    // Malformed multipart data.
    throw new DomainError(400, 'error.badRequest');
  }
  const parsed = uploadFieldsSchema.safeParse(fields);
  if (!parsed.success) errors.push(...fieldIssues(parsed.error.issues));
  if (!file) errors.push({ field: 'file', key: 'grants.fileRequired' });
  if (errors.length) throw invalid(errors);
  if (!file!.content.length) throw fileError(400, 'grants.fileEmpty');
  const fileName = cleanFileName(file!.fileName);
  if (!fileName || fileName.startsWith('.')) throw fileError(400, 'grants.fileNameInvalid');
  return { fileName, content: file!.content, title: parsed.data!.title || undefined, category: parsed.data!.category };
}

/** Checks the bytes against the accepted types and the name; returns the name and type to store. */
export function checkFile(fileName: string, content: Buffer): { fileName: string; contentType: string } {
  const type = sniffDocument(content);
  if (!type) throw fileError(415, 'grants.fileTypeUnsupported');
  const extensions: readonly string[] = documentFileTypes[type].extensions;
  const extension = extensionOf(fileName);
  // A name without an extension gets the right one; a name claiming another type is refused.
  const name = extension ? fileName : `${fileName}.${extensions[0]}`;
  if (extension && !extensions.includes(extension)) throw fileError(422, 'grants.fileTypeMismatch', { actual: documentFileTypes[type].label, extension });
  return { fileName: name, contentType: servedContentType(type, name) };
}

export async function addFile(db: Db, user: AuthUser, target: DocumentTarget, request: FastifyRequest, dailyBytes: number): Promise<GrantDocument> {
  // Who may upload is settled before the bytes are read.
  const resolved = await resolveTarget(db, user, target);
  const upload = await readUpload(request);
  const { fileName, contentType } = checkFile(upload.fileName, upload.content);
  const title = upload.title ?? fileName.replace(/\.[^.]+$/, '').slice(0, 200);
  return insertDocument(db, user, resolved, { title, category: upload.category, file: { fileName, contentType, content: upload.content } }, dailyBytes);
}

/** The bytes of an uploaded file, with the name and the type decided at upload. */
export async function readDocumentFile(db: Db, id: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const [row] = await db
    .select({ fileName: grantDocuments.fileName, contentType: grantDocuments.contentType, content: grantDocuments.content })
    .from(grantDocuments)
    .where(eq(grantDocuments.id, id));
  if (!row) throw notFound();
  if (!row.content || !row.fileName || !row.contentType) throw new DomainError(404, 'error.documentIsLink');
  return { fileName: row.fileName, contentType: row.contentType, content: row.content };
}

async function knowHowOf(db: Db | Tx, knowHowId: string | null) {
  if (!knowHowId) return null;
  const [row] = await db.select().from(grantKnowHow).where(eq(grantKnowHow.id, knowHowId));
  return row ?? null;
}

export async function deleteDocument(db: Db, user: AuthUser, id: string) {
  const [row] = await db.select(documentColumns).from(grantDocuments).where(eq(grantDocuments.id, id));
  if (!row) throw notFound();
  const knowHow = await knowHowOf(db, row.knowHowId);
  if (!canDeleteDocument(user, row, knowHow)) throw forbidden();
  const callId = row.callId ?? knowHow!.callId;
  await db.transaction(async (tx) => {
    await tx.delete(grantDocuments).where(eq(grantDocuments.id, id));
    await tx.insert(auditLog).values({
      actorId: user.id,
      action: 'grant.document.delete',
      targetType: 'grantDocument',
      targetId: id,
      detail: { callId, knowHowId: row.knowHowId, title: row.title, fileName: row.fileName, url: row.url },
    });
    await recordEvents(tx, [documentRemoved(callId, row)]);
  });
}
