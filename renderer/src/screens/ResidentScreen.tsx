import { useEffect, useState } from 'react';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type {
  IssuedCertificate,
  IssuedDocument,
  ResidentDetail,
  SessionInfo,
} from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import {
  citizenshipLabel,
  CIVIL_STATUS_LABELS,
  EVENT_LABELS,
  formatDate,
  RELATIONSHIP_LABELS,
  STATUS_LABELS,
} from '../../../shared/i18n/registry-labels';
import type { DeskTask } from '../../../shared/visits/booked-task';
import { api } from '../api/client';
import { useStartTask } from '../hooks/useStartTask';
import { useT } from '../i18n/useT';
import { ContactsCard } from '../components/ContactsCard';
import { intentFor } from '../commands/commands';
import { CertificateForm } from '../documents/CertificateForm';
import { CertificatesCard } from '../documents/CertificatesCard';
import { DeclarationForm } from '../documents/DeclarationForm';
import { IssuedPanel } from '../documents/IssuedPanel';
import { SCREEN_SERVICES } from '../services/registered';
import { CieChecklist } from '../visits/CieChecklist';

type Mode =
  | { kind: 'detail' }
  | { kind: 'certificate' }
  | { kind: 'declaration' }
  | { kind: 'issuedCertificate'; doc: IssuedCertificate }
  | { kind: 'issuedDeclaration'; doc: IssuedDocument };

export function ResidentScreen(props: {
  id: string;
  session: SessionInfo;
  /** the policy lets this role revoke certificates */
  mayRevoke: boolean;
  onBack: () => void;
  onError: (e: ErrorData) => void;
  /**
   * The task the called booking starts (booked-task.ts), opened once the record has loaded:
   * the page's own (certificate, self-declaration, CIE checklist) here, the services' in their
   * slots. The shell mounts the page anew for each call.
   */
  startTask?: DeskTask;
}) {
  const { t, locale } = useT();
  const [r, setR] = useState<ResidentDetail | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'detail' });
  const [issuedCount, setIssuedCount] = useState(0);
  const [cieOpen, setCieOpen] = useState(false);
  const { id, onError } = props;
  const startTask = r ? props.startTask : undefined;
  useStartTask(startTask, 'certificate', () => setMode({ kind: 'certificate' }));
  useStartTask(startTask, 'declaration', () => setMode({ kind: 'declaration' }));
  useStartTask(startTask, 'cie_checklist', () => setCieOpen(true));

  useEffect(() => {
    void api.registry.get({ id }).then((res) => (res.ok ? setR(res.value) : onError(res.error)));
  }, [id, onError]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const intent = intentFor(e);
      if (intent === 'newCertificate') setMode({ kind: 'certificate' });
      if (intent === 'newDeclaration') setMode({ kind: 'declaration' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!r) return <p className="muted">{t('loading')}</p>;
  const detail = () => setMode({ kind: 'detail' });
  const row = (label: string, value: string, testId?: string) => (
    <div className="kv">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <section className="detail" aria-labelledby="detail-title">
      <div className="detail-head">
        <button type="button" className="btn btn-ghost" onClick={props.onBack} autoFocus data-testid="back">
          ← {t('back')}
        </button>
        <h1 id="detail-title" data-testid="detail-name">
          {r.surname} {r.givenNames}
        </h1>
        <span className={`badge badge-${r.status}`}>{STATUS_LABELS[r.status][locale]}</span>
        {r.notCertifiable && <span className="badge badge-deceased">{t('notCertifiableBadge')}</span>}
        <span className="detail-actions">
          {SCREEN_SERVICES.map(({ id: service, ResidentActions }) =>
            ResidentActions ? (
              <ResidentActions
                key={service}
                resident={r}
                session={props.session}
                onError={onError}
                startTask={props.startTask}
              />
            ) : null,
          )}
          {props.startTask === 'cie_checklist' && (
            <>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => setCieOpen(true)}
                data-testid="cie-checklist-open"
              >
                {t('visits.cie.open')}
              </button>{' '}
            </>
          )}
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setMode({ kind: 'certificate' })}
            data-testid="new-certificate"
          >
            {t('newCertificate')} (F4)
          </button>{' '}
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setMode({ kind: 'declaration' })}
            data-testid="new-declaration"
          >
            {t('newDeclaration')} (F6)
          </button>
        </span>
      </div>
      <p className="muted small">{t('auditNotice')}</p>
      {cieOpen && <CieChecklist resident={r} onClose={() => setCieOpen(false)} />}
      {mode.kind === 'certificate' && (
        <CertificateForm
          resident={r}
          today={romeDateOf(new Date())}
          onIssued={(doc) => {
            setIssuedCount((n) => n + 1);
            setMode({ kind: 'issuedCertificate', doc });
          }}
          onCancel={detail}
          onError={onError}
        />
      )}
      {mode.kind === 'declaration' && (
        <DeclarationForm
          resident={r}
          onIssued={(doc) => setMode({ kind: 'issuedDeclaration', doc })}
          onCancel={detail}
          onError={onError}
        />
      )}
      {mode.kind === 'issuedCertificate' && (
        <IssuedPanel
          doc={mode.doc}
          title={t('issuedTitle', { id: mode.doc.id })}
          verificationUrl={mode.doc.verificationUrl}
          onClose={detail}
          onAnother={() => setMode({ kind: 'certificate' })}
        />
      )}
      {mode.kind === 'issuedDeclaration' && (
        <IssuedPanel doc={mode.doc} title={t('declarationReady')} onClose={detail} />
      )}
      <div className="detail-grid">
        <div className="card">
          <h2>{t('personalData')}</h2>
          <dl>
            {row(t('colCf'), r.codiceFiscale + (r.omocodia ? ` (${t('omocodia')})` : ''), 'detail-cf')}
            {row(t('sex'), r.sex)}
            {row(t('birth'), formatDate(r.birthDate))}
            {row(t('birthPlace'), `${r.birthPlaceName} (${r.birthPlaceCode})`)}
            {row(t('citizenship'), `${citizenshipLabel(r.citizenship, locale)} (${r.citizenship})`)}
            {row(t('civilStatus'), CIVIL_STATUS_LABELS[r.civilStatus][locale][r.sex])}
            {row(
              t('registryStatus'),
              STATUS_LABELS[r.status][locale] + (r.statusDate ? ` (${formatDate(r.statusDate)})` : ''),
            )}
            {row(t('registeredOn'), formatDate(r.registeredOn))}
          </dl>
          <ContactsCard resident={r} onSaved={setR} />
        </div>
        <div className="card">
          <h2>{t('address')}</h2>
          <p className="address" data-testid="detail-address">
            {r.address.line}
            {/* the register's interior says what it is ("int. 16", "scala B int. 3"): no label */}
            {r.address.interior && `, ${r.address.interior}`}
            <br />
            {r.address.cap} {r.address.comune}
            {r.address.frazione && ` – ${r.address.frazione}`}
          </p>
          <h2>{t('family')}</h2>
          <table className="results compact" data-testid="family">
            <thead>
              <tr>
                <th>{t('colName')}</th>
                <th>{t('relationship')}</th>
                <th>{t('colBirth')}</th>
                <th>{t('colCf')}</th>
              </tr>
            </thead>
            <tbody>
              {r.family.map((m) => (
                <tr key={m.id} className={m.id === r.id ? 'selected' : undefined} data-testid="family-member">
                  <td className="strong">
                    {m.surname} {m.givenNames}
                  </td>
                  <td>{RELATIONSHIP_LABELS[m.relationship][locale]}</td>
                  <td>{formatDate(m.birthDate)}</td>
                  <td className="mono">{m.codiceFiscale}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h2>{t('history')}</h2>
          <ol className="timeline">
            {r.events.map((e, i) => (
              <li key={`${e.date}-${i}`}>
                <span className="timeline-date">{formatDate(e.date)}</span>
                <span className="strong">{EVENT_LABELS[e.kind][locale]}</span> {e.description}
              </li>
            ))}
          </ol>
        </div>
        <CertificatesCard
          residentId={r.id}
          mayRevoke={props.mayRevoke}
          refreshKey={issuedCount}
          onError={onError}
        />
        {SCREEN_SERVICES.map(({ id: service, ResidentCard }) =>
          ResidentCard ? (
            <ResidentCard
              key={service}
              resident={r}
              session={props.session}
              onError={onError}
              startTask={props.startTask}
            />
          ) : null,
        )}
      </div>
    </section>
  );
}
