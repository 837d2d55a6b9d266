import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { referenceCreateSchema, referenceUpdateSchema, type ReferenceItem, type ReferenceKind } from '../../../../shared/reference';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';
import { useReference, useReferenceQuery } from '../../lib/reference-data';
import { BusyButton, ErrorSummary, LiveStatus, TextField, problemFromError, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { LoadError, Loading, VisuallyHidden, errorText } from '../../lib/ui/status';
import { useCreateReference, useDeleteReference, useReorderReference, useUpdateReference } from './api';

// Swedish words in the URL, like the rest of the site.
const kindParams: Record<ReferenceKind, string> = {
  district: 'stadsdelar',
  administration: 'forvaltningar',
  targetGroup: 'malgrupper',
  resource: 'resurser',
};
const kinds = Object.keys(kindParams) as ReferenceKind[];
const kindFromParam = (value: string | null): ReferenceKind => kinds.find((k) => kindParams[k] === value) ?? 'district';

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function ItemCard({
  item,
  index,
  count,
  onMove,
  moving,
  onStatus,
}: {
  item: ReferenceItem;
  index: number;
  count: number;
  onMove(item: ReferenceItem, delta: -1 | 1): void;
  moving: boolean;
  onStatus(text: string): void;
}) {
  const { t, locale } = useI18n();
  const update = useUpdateReference();
  const remove = useDeleteReference();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete'>('view');
  const [values, set] = useFormValues({ nameSv: item.nameSv, nameEn: item.nameEn });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inUse, setInUse] = useState(false);
  const idPrefix = `ref-${item.id}`;
  const displayName = locale === 'en' ? item.nameEn : item.nameSv;
  const labels = { nameSv: t('reference.nameSv'), nameEn: t('reference.nameEn') };

  const setArchived = (archived: boolean) => {
    setError(null);
    update.mutate(
      { id: item.id, input: { archived } },
      {
        onSuccess: () => {
          setInUse(false);
          onStatus(t(archived ? 'reference.archivedDone' : 'reference.restoredDone', { name: displayName }));
        },
        onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
      },
    );
  };

  const saveNames = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const parsed = referenceUpdateSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    update.mutate(
      { id: item.id, input: parsed.data },
      {
        onSuccess: (saved) => {
          setMode('view');
          onStatus(t('reference.renamed', { name: locale === 'en' ? saved.nameEn : saved.nameSv }));
          focusSoon(`${idPrefix}-name`);
        },
        onError: (e) => setProblem(problemFromError(e, t)),
      },
    );
  };

  return (
    <li className={item.archived ? 'card reference-item reference-item-archived' : 'card reference-item'}>
      <div className="reference-item-head">
        <p className="card-title" id={`${idPrefix}-name`} tabIndex={-1}>
          <span lang="sv">{item.nameSv}</span>
          <span className="muted"> / </span>
          <span lang="en">{item.nameEn}</span>
        </p>
        <p className="muted">
          {t('reference.slug')}: <code>{item.slug}</code>
          {item.archived && <span className="badge badge-archived">{t('reference.archived')}</span>}
        </p>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {inUse && (
        <p>
          <BusyButton type="button" variant="secondary" busy={update.isPending} busyText={t('common.saving')} onClick={() => setArchived(true)}>
            {t('reference.archiveInstead')}
          </BusyButton>
        </p>
      )}
      {mode === 'edit' && (
        <form noValidate onSubmit={saveNames} className="form">
          <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
          <TextField idPrefix={idPrefix} name="nameSv" lang="sv" autoFocus required label={labels.nameSv} value={values.nameSv} onValueChange={set('nameSv')} error={problem?.fields.nameSv} />
          <TextField idPrefix={idPrefix} name="nameEn" lang="en" required label={labels.nameEn} value={values.nameEn} onValueChange={set('nameEn')} error={problem?.fields.nameEn} />
          <div className="form-actions">
            <BusyButton busy={update.isPending} busyText={t('common.saving')}>
              {t('common.save')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'confirmDelete' && (
        <div className="confirm-box">
          <p>{t('reference.deleteQuestion', { name: displayName })}</p>
          <div className="button-row">
            <BusyButton
              type="button"
              variant="danger"
              autoFocus
              busy={remove.isPending}
              busyText={t('common.removing')}
              onClick={() =>
                remove.mutate(item.id, {
                  onSuccess: () => onStatus(t('reference.deleted', { name: displayName })),
                  onError: (e) => {
                    setMode('view');
                    setInUse(isApiError(e, 409));
                    setError(errorText(e, t('error.unexpectedShort')));
                  },
                })
              }
            >
              {t('reference.deleteYes')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'view' && (
        <div className="button-row">
          <button type="button" className="button button-secondary" id={`${idPrefix}-up`} disabled={index === 0 || moving} onClick={() => onMove(item, -1)}>
            {t('reference.moveUp')}
            <VisuallyHidden> {displayName}</VisuallyHidden>
          </button>
          <button type="button" className="button button-secondary" id={`${idPrefix}-down`} disabled={index === count - 1 || moving} onClick={() => onMove(item, 1)}>
            {t('reference.moveDown')}
            <VisuallyHidden> {displayName}</VisuallyHidden>
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              set('nameSv')(item.nameSv);
              set('nameEn')(item.nameEn);
              setProblem(null);
              setMode('edit');
            }}
          >
            {t('reference.rename')}
            <VisuallyHidden> {displayName}</VisuallyHidden>
          </button>
          <BusyButton type="button" variant="secondary" busy={update.isPending} busyText={t('common.saving')} onClick={() => setArchived(!item.archived)}>
            {item.archived ? t('reference.restore') : t('reference.archive')}
            <VisuallyHidden> {displayName}</VisuallyHidden>
          </BusyButton>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setError(null);
              setMode('confirmDelete');
            }}
          >
            {t('common.remove')}
            <VisuallyHidden> {displayName}</VisuallyHidden>
          </button>
        </div>
      )}
    </li>
  );
}

function AddForm({ kind, nextSortOrder, onStatus }: { kind: ReferenceKind; nextSortOrder: number; onStatus(text: string): void }) {
  const { t, locale } = useI18n();
  const create = useCreateReference();
  const [values, set, setValues] = useFormValues({ slug: '', nameSv: '', nameEn: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const idPrefix = `add-${kind}`;
  const labels = { slug: t('reference.slug'), nameSv: t('reference.nameSv'), nameEn: t('reference.nameEn') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = referenceCreateSchema.safeParse({ kind, ...values, sortOrder: nextSortOrder });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    create.mutate(parsed.data, {
      onSuccess: (item) => {
        setValues({ slug: '', nameSv: '', nameEn: '' });
        onStatus(t('reference.added', { name: locale === 'en' ? item.nameEn : item.nameSv }));
      },
      onError: (e) => setProblem(problemFromError(e, t)),
    });
  };

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="section card">
      <h2 id={`${idPrefix}-heading`}>{t('reference.addTitle', { kind: t(`referenceKind.${kind}.one`) })}</h2>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form">
        <TextField idPrefix={idPrefix} name="nameSv" lang="sv" required label={labels.nameSv} value={values.nameSv} onValueChange={set('nameSv')} error={problem?.fields.nameSv} />
        <TextField idPrefix={idPrefix} name="nameEn" lang="en" required label={labels.nameEn} value={values.nameEn} onValueChange={set('nameEn')} error={problem?.fields.nameEn} />
        <TextField
          idPrefix={idPrefix}
          name="slug"
          required
          spellCheck={false}
          autoComplete="off"
          label={labels.slug}
          hint={t('reference.slugHint')}
          value={values.slug}
          onValueChange={set('slug')}
          error={problem?.fields.slug}
        />
        <div className="form-actions">
          <BusyButton busy={create.isPending} busyText={t('common.saving')}>
            {t('reference.add')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}

export function ReferenceAdminPage() {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const kind = kindFromParam(searchParams.get('typ'));
  const query = useReferenceQuery();
  const reference = useReference();
  const reorder = useReorderReference();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = reference.items(kind);

  const move = (item: ReferenceItem, delta: -1 | 1) => {
    const from = items.findIndex((i) => i.id === item.id);
    const to = from + delta;
    if (to < 0 || to >= items.length) return;
    const ordered = [...items];
    [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
    setError(null);
    reorder.mutate(ordered, {
      onSuccess: () => {
        setStatus(t('reference.moved', { name: reference.name(kind, item.slug), position: to + 1, count: items.length }));
        focusSoon(`ref-${item.id}-name`);
      },
      onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
    });
  };

  return (
    <>
      <PageHeading>{t('reference.title')}</PageHeading>
      <p className="lead">{t('reference.intro')}</p>
      <nav aria-label={t('reference.kindsLabel')} className="subnav">
        <ul>
          {kinds.map((k) => (
            <li key={k}>
              <Link to={`${paths.reference}?typ=${kindParams[k]}`} aria-current={k === kind ? 'page' : undefined} onClick={() => setStatus(null)}>
                {t(`referenceKind.${k}.other`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LiveStatus message={reorder.isPending ? t('reference.moving') : status} kind={reorder.isPending ? 'info' : 'success'} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {query.data && (
        <div className="two-column">
          <section aria-labelledby="reference-list-heading" className="section">
            <h2 id="reference-list-heading">
              {t(`referenceKind.${kind}.other`)} ({items.length})
            </h2>
            <p className="muted">{t('reference.orderHint')}</p>
            <ol className="card-list reference-list">
              {items.map((item, index) => (
                <ItemCard key={item.id} item={item} index={index} count={items.length} onMove={move} moving={reorder.isPending} onStatus={setStatus} />
              ))}
            </ol>
          </section>
          <AddForm key={kind} kind={kind} nextSortOrder={Math.max(-1, ...items.map((i) => i.sortOrder)) + 1} onStatus={setStatus} />
        </div>
      )}
    </>
  );
}
