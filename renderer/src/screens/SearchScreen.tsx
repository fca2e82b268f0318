import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { SearchResult } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { formatDate, STATUS_LABELS } from '../../../shared/i18n/registry-labels';
import { moveSelection } from '../commands/commands';
import { useResidentSearch } from '../hooks/useResidentSearch';
import { useT } from '../i18n/useT';

export function SearchScreen({
  hidden,
  ref,
  onOpen,
  onError,
}: {
  hidden: boolean;
  ref: Ref<HTMLInputElement>;
  onOpen: (id: string) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const [query, setQuery] = useState('');
  const { result, loading } = useResidentSearch(query, onError);
  const rows = result?.kind === 'results' ? result.residents : [];
  // Enter pressed before the answer for the text now in the box arrived: it waits for that
  // answer (a scanner types a CF and Enter faster than any search), never for an older list.
  const enterFor = useRef<string | null>(null);
  // The highlight belongs to one result list: a new list starts at its first row.
  const [highlight, setHighlight] = useState<{ of: SearchResult | null; index: number }>({
    of: null,
    index: -1,
  });
  const selected = highlight.of === result ? highlight.index : rows.length > 0 ? 0 : -1;
  const setSelected = (index: number) => setHighlight({ of: result, index });
  const listRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (enterFor.current === null || loading) return;
    const waited = enterFor.current;
    enterFor.current = null;
    const first = waited === query && result?.kind === 'results' ? result.residents[0] : undefined;
    if (first) onOpen(first.id);
  }, [loading, query, result, onOpen]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      // The box's own text, not the last rendered one: keys can outrun a render.
      const text = e.target instanceof HTMLInputElement ? e.target.value : query;
      if (loading || text !== query) {
        enterFor.current = text;
        return;
      }
      const row = rows[selected];
      if (row) onOpen(row.id);
      return;
    }
    const next = moveSelection(selected, e.key, rows.length);
    if (next !== selected) {
      setSelected(next);
      e.preventDefault();
    }
  };

  return (
    <section className="search" hidden={hidden} aria-labelledby="search-title">
      <h1 id="search-title">{t('searchTitle')}</h1>
      <label className="field field-search">
        <span>{t('searchLabel')}</span>
        <input
          ref={ref}
          autoFocus
          data-testid="search-input"
          value={query}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => {
            enterFor.current = null;
            setQuery(e.target.value);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-autocomplete="list"
          aria-controls={rows.length > 0 ? 'search-results' : undefined}
          aria-activedescendant={selected >= 0 ? `result-${selected}` : undefined}
        />
      </label>
      <p className="muted small">{t('searchHelp')}</p>

      {result?.kind === 'too_short' && <p className="muted">{t('tooShort')}</p>}
      {result?.kind === 'invalid_cf' && (
        <div className="alert alert-warning" role="alert" data-testid="cf-explanation">
          <strong>{t('invalidCfTitle', { code: result.code })}</strong>
          <ul>
            {result.explanations.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      {result?.kind === 'invalid_date' && (
        <div className="alert alert-warning" role="alert">
          {result.explanation}
        </div>
      )}
      {result?.kind === 'results' && (
        <>
          <p className="muted small" data-testid="result-count">
            {rows.length === 0
              ? t('noResults', { query })
              : `${rows.length === 1 ? t('resultsOne') : t('resultsCount', { count: rows.length })} · ${t(`interpretedAs_${result.interpretedAs}`)}`}
            {result.truncated && ` · ${t('resultsTruncated', { count: rows.length })}`}
            {loading && ' …'}
          </p>
          {rows.length > 0 && (
            <table className="results" onKeyDown={onKeyDown}>
              <thead>
                <tr>
                  <th>{t('colName')}</th>
                  <th>{t('colCf')}</th>
                  <th>{t('colBirth')}</th>
                  <th>{t('colAddress')}</th>
                  <th>{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody ref={listRef} id="search-results" role="listbox" aria-label={t('searchTitle')}>
                {rows.map((r, i) => (
                  <tr
                    key={r.id}
                    id={`result-${i}`}
                    role="option"
                    aria-selected={i === selected}
                    className={i === selected ? 'selected' : undefined}
                    data-testid="result-row"
                    onClick={() => onOpen(r.id)}
                    onMouseEnter={() => setSelected(i)}
                  >
                    <td className="strong">
                      {r.surname} {r.givenNames}
                    </td>
                    <td className="mono">{r.codiceFiscale}</td>
                    <td>
                      {formatDate(r.birthDate)} · {r.birthPlaceName}
                    </td>
                    <td>{r.addressLine}</td>
                    <td>
                      <span className={`badge badge-${r.status}`}>{STATUS_LABELS[r.status][locale]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
