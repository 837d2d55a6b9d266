import { useRef, useState, type FormEvent } from 'react';
import { documentAccept, documentCategories, documentFileTypes, linkDocumentInputSchema, maxDocumentBytes, type GrantCallDetail, type GrantDocument } from '../../../../shared/grants';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { useCurrentUser } from '../../lib/current-user';
import { BusyButton, ErrorSummary, LiveStatus, SelectField, TextField, fieldId, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { errorText } from '../../lib/ui/status';
import { uploadDocument, useDocumentMutations, type DocumentTarget } from './api';
import { canRemoveDocument, documentCategoryLabel, fileSizeText } from './labels';
import { RemoveButton } from './parts';

/** Documents with their kind, size and a download (files) or an outside link. */
export function DocumentList({
  documents,
  callId,
  knowHowOrganisationId = null,
  headingLevel,
  label,
}: {
  documents: GrantDocument[];
  callId: string;
  knowHowOrganisationId?: string | null;
  headingLevel?: 'h4';
  label?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useCurrentUser();
  const { remove } = useDocumentMutations(callId);
  return (
    <>
      {headingLevel && label && <h4 className="grant-documents-heading">{label}</h4>}
      <ul className="grant-documents">
        {documents.map((document) => (
          <li key={document.id} className="grant-document">
            {document.kind === 'file' && document.downloadUrl ? (
              <a href={document.downloadUrl} download={document.fileName ?? undefined}>
                {document.title}
                <span className="visually-hidden"> ({t('grants.download')})</span>
              </a>
            ) : (
              <a href={document.url ?? '#'} rel="noopener noreferrer" target="_blank">
                {document.title}
                <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
              </a>
            )}{' '}
            <span className="muted">
              · {documentCategoryLabel(t, document.category)}
              {document.kind === 'file' && document.size != null && document.fileName && (
                <>
                  {' · '}
                  {document.fileName}, {fileSizeText(i18n, document.size)}
                </>
              )}
              {document.kind === 'link' && document.url && <> · {safeHost(document.url)}</>}
            </span>
            {canRemoveDocument(user, document, knowHowOrganisationId) && (
              <RemoveButton
                what={document.title}
                busy={remove.isPending}
                onConfirm={() => remove.mutate(document, { onSuccess: () => announce(t('grants.documentRemovedByYou', { title: document.title })), onError: (e) => announce(errorText(e, t('error.unexpectedShort'))) })}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function safeHost(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

const typeList = Object.values(documentFileTypes)
  .map((type) => type.label)
  .filter((label, index, all) => all.indexOf(label) === index)
  .join(', ');

/** Where a document form sends its document, and how its heading sits in the page. */
interface DocumentFormProps {
  callId: string;
  target: DocumentTarget;
  /** Unique per form on the page: the field ids derive from it. */
  idPrefix: string;
  headingLevel: 'h3' | 'h4';
}

function LinkForm({ callId, target, idPrefix, headingLevel: Heading }: DocumentFormProps) {
  const { t, locale } = useI18n();
  const { addLink } = useDocumentMutations(callId);
  const [values, setValues] = useState({ title: '', url: 'https://', category: 'template' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const labels = { title: t('grants.documentTitle'), url: t('grants.documentUrl'), category: t('grants.documentCategory') };
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (addLink.isPending) return;
    setDone(null);
    const parsed = linkDocumentInputSchema.safeParse({ ...values, url: values.url === 'https://' ? '' : values.url });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    addLink.mutate(
      { target, input: parsed.data },
      {
        onSuccess: (document) => {
          setValues({ title: '', url: 'https://', category: values.category });
          setDone(t('grants.documentAdded', { title: document.title }));
        },
        onError: (e) => setProblem(problemFromError(e, t)),
      },
    );
  };
  return (
    <form noValidate onSubmit={submit} className="form grant-post-form" aria-labelledby={`${idPrefix}-heading`}>
      <Heading id={`${idPrefix}-heading`}>{t('grants.addLinkTitle')}</Heading>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <TextField idPrefix={idPrefix} name="title" label={labels.title} value={values.title} onValueChange={set('title')} error={problem?.fields.title} maxLength={200} />
      <TextField idPrefix={idPrefix} name="url" type="url" inputMode="url" label={labels.url} hint={t('grants.urlHint')} value={values.url} onValueChange={set('url')} error={problem?.fields.url} maxLength={500} />
      <SelectField
        idPrefix={idPrefix}
        name="category"
        label={labels.category}
        value={values.category}
        onValueChange={set('category')}
        options={documentCategories.map((c) => ({ value: c, label: documentCategoryLabel(t, c) }))}
        error={problem?.fields.category}
      />
      <BusyButton busy={addLink.isPending} busyText={t('common.saving')}>
        {t('grants.addLinkSubmit')}
      </BusyButton>
      <LiveStatus message={done} />
    </form>
  );
}

function UploadForm({ callId, target, idPrefix, headingLevel: Heading }: DocumentFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { added } = useDocumentMutations(callId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState({ title: '', category: 'template' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const labels = { file: t('grants.file'), title: t('grants.documentTitle'), category: t('grants.documentCategory') };
  const uploading = progress !== null;
  const maxMb = maxDocumentBytes / (1024 * 1024);
  const rulesId = `${idPrefix}-rules`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    setDone(null);
    // Said before sending 5 MB for nothing; the server checks again, and checks the contents.
    if (!file) {
      setProblem({ message: t('form.fixErrors'), fields: { file: t('grants.fileMissing') } });
      return;
    }
    if (file.size > maxDocumentBytes) {
      setProblem({ message: t('form.fixErrors'), fields: { file: t('grants.fileTooBig', { max: maxMb, size: fileSizeText(i18n, file.size) }) } });
      return;
    }
    setProblem(null);
    setProgress(0);
    announce(t('grants.uploading', { name: file.name }));
    try {
      const document = await uploadDocument(target, { file, title: values.title, category: values.category }, setProgress);
      added(document);
      setFile(null);
      setValues((v) => ({ ...v, title: '' }));
      if (fileInput.current) fileInput.current.value = '';
      setDone(t('grants.documentAdded', { title: document.title }));
    } catch (error) {
      setProblem(problemFromError(error, t));
    } finally {
      setProgress(null);
    }
  };

  const percent = Math.round((progress ?? 0) * 100);
  const fileId = fieldId(idPrefix, 'file');
  const fileError = problem?.fields.file;
  return (
    <form noValidate onSubmit={submit} className="form grant-post-form" aria-labelledby={`${idPrefix}-heading`}>
      <Heading id={`${idPrefix}-heading`}>{t('grants.uploadTitle')}</Heading>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <div className={fileError ? 'field field-has-error' : 'field'}>
        <label htmlFor={fileId} className="field-label">
          {labels.file}
        </label>
        <p id={rulesId} className="field-hint">
          {t('grants.uploadRules', { max: maxMb, types: typeList })}
        </p>
        {fileError && (
          <p id={`${fileId}-error`} className="field-error">
            {fileError}
          </p>
        )}
        <input
          ref={fileInput}
          id={fileId}
          name="file"
          type="file"
          className="input input-file"
          accept={documentAccept}
          aria-describedby={[rulesId, fileError ? `${fileId}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={fileError ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <TextField
        idPrefix={idPrefix}
        name="title"
        label={labels.title}
        optionalText={t('form.optional')}
        hint={t('grants.uploadTitleHint')}
        value={values.title}
        onValueChange={(v) => setValues((x) => ({ ...x, title: v }))}
        error={problem?.fields.title}
        maxLength={200}
      />
      <SelectField
        idPrefix={idPrefix}
        name="category"
        label={labels.category}
        value={values.category}
        onValueChange={(v) => setValues((x) => ({ ...x, category: v }))}
        options={documentCategories.map((c) => ({ value: c, label: documentCategoryLabel(t, c) }))}
        error={problem?.fields.category}
      />
      {uploading && (
        <div className="upload-progress">
          <label htmlFor={`${idPrefix}-progress`}>{t('grants.uploadProgress')}</label>
          <progress id={`${idPrefix}-progress`} max={100} value={percent} aria-valuetext={`${percent} %`}>
            {percent} %
          </progress>
          <span aria-hidden="true"> {percent} %</span>
        </div>
      )}
      <BusyButton busy={uploading} busyText={t('grants.uploadingShort')}>
        {t('grants.uploadSubmit')}
      </BusyButton>
      <LiveStatus message={done} />
    </form>
  );
}

export function DocumentsSection({ detail }: { detail: GrantCallDetail }) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const callId = detail.call.id;
  return (
    <section className="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('grants.documentsTitle')}</h2>
      <p className="muted">{t('grants.documentsIntro')}</p>
      {detail.documents.length ? <DocumentList documents={detail.documents} callId={callId} /> : <p className="muted">{t('grants.noDocuments')}</p>}
      {detail.viewer.canAddDocuments && !detail.call.archived ? (
        <div className="grant-forms">
          <UploadForm callId={callId} target={{ callId }} idPrefix="doc-file" headingLevel="h3" />
          <LinkForm callId={callId} target={{ callId }} idPrefix="doc-link" headingLevel="h3" />
        </div>
      ) : (
        !user && <p className="muted">{t('grants.signInToShare')}</p>
      )}
    </section>
  );
}

/**
 * An organisation's own templates, budgets and examples, shared with its know-how on a call. Folded
 * away by default so a call page with many offers stays short.
 */
export function KnowHowDocumentForms({ callId, knowHowId, organisationName }: { callId: string; knowHowId: string; organisationName: string }) {
  const { t } = useI18n();
  const target = { knowHowId };
  return (
    <details className="grant-knowhow-documents disclosure">
      <summary>{t('grants.shareKnowHowDocument', { name: organisationName })}</summary>
      <div className="grant-forms">
        <UploadForm callId={callId} target={target} idPrefix={`kh-${knowHowId}-file`} headingLevel="h4" />
        <LinkForm callId={callId} target={target} idPrefix={`kh-${knowHowId}-link`} headingLevel="h4" />
      </div>
    </details>
  );
}
