import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { bookedTask, type DeskTask } from '../../../shared/visits/booked-task';
import type { VisitTicket } from '../../../shared/visits/visit-wire';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { serviceLabel } from '../../../shared/booking/what-to-bring';
import { counterIntentFor, shortcutOf, transferTarget, type CounterIntent } from './counter-keys';
import { WaitStatsPanel } from './WaitStatsPanel';

/**
 * The queue at this counter, always at the top of the work area: Shift+F9 calls the next ticket
 * (the hub decides which, and only once across every counter); the called ticket shows with its
 * code, line and, when booked, the person, whose record opens at once with the booked service's
 * task started for them (booked-task.ts). Alt+Shift+R recall, +N no-show, +I start, +F end,
 * +T transfer.
 */
export function CounterBar(props: {
  session: SessionInfo;
  onOpenResident: (id: string, task: DeskTask) => void;
  onError: (e: ErrorData) => void;
}) {
  const { t, locale } = useT();
  const [counter, setCounter] = useState<number | null | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const [ticket, setTicket] = useState<VisitTicket | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);
  const [target, setTarget] = useState('');
  const [stats, setStats] = useState(false);
  const busy = useRef(false);
  const { session, onOpenResident } = props;
  const offline = session.offline;

  useEffect(() => {
    if (offline) return;
    void api.visits.current({}).then((res) => {
      if (!res.ok) return setMessage(t('visits.counter.unavailable', { detail: res.error.message }));
      setCounter(res.value.counter);
      // a ticket still open at this counter comes back on the bar (once the hub lists them, see
      // queue-service.ts); a list without it never takes away the ticket in hand
      const open = res.value.tickets.find((x) => x.status === 'called' || x.status === 'serving');
      if (open) setTicket(open);
    });
  }, [offline, t]);

  /** The booked person's record, found by codice fiscale in this counter's registry. */
  const openPerson = useCallback(
    (tk: VisitTicket) => {
      if (!tk.person) return;
      void api.registry.search({ query: tk.person.cf, limit: 2 }).then((res) => {
        const found = res.ok && res.value.kind === 'results' ? res.value.residents : [];
        const [one] = found;
        if (one && found.length === 1) onOpenResident(one.id, bookedTask(tk.serviceKey));
        else setMessage(t('visits.counter.notInRegistry'));
      });
    },
    [onOpenResident, t],
  );

  const run = useCallback(
    (intent: CounterIntent) => {
      if (busy.current || !counter) return;
      const done = (res: { ok: true; value: VisitTicket | null } | { ok: false; error: ErrorData }) => {
        busy.current = false;
        if (!res.ok) return setMessage(res.error.message);
        setMessage(null);
        return res.value;
      };
      if (intent === 'callNext') {
        busy.current = true;
        void api.visits.callNext({}).then((res) => {
          const tk = done(res);
          if (tk === undefined) return;
          setTicket(tk);
          if (tk === null) setMessage(t('visits.counter.empty'));
          else openPerson(tk);
        });
        return;
      }
      if (!ticket) return;
      if (intent === 'transfer') {
        setTransferring(true);
        return;
      }
      busy.current = true;
      void api.visits.act({ ticketId: ticket.id, action: intent }).then((res) => {
        const tk = done(res);
        if (!tk) return;
        // a ticket that left this counter (ended, no-show) leaves the bar
        setTicket(tk.status === 'called' || tk.status === 'serving' ? tk : null);
      });
    },
    [counter, ticket, openPerson, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const intent = counterIntentFor(e);
      // the keys are the counter's only while they can act: no number set, no ticket called,
      // and they are left to the rest of the page
      if (!intent || !counter || (intent !== 'callNext' && !ticket)) return;
      e.preventDefault();
      e.stopPropagation();
      run(intent);
    };
    // capture: Shift+F9 must not also open the sync screen (F9)
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run, counter, ticket]);

  const saveCounter = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(typed);
    if (!Number.isInteger(n) || n < 1 || n > 99) return;
    void api.visits.setCounter({ counter: n }).then((res) => {
      if (!res.ok) return setMessage(res.error.message);
      setCounter(res.value.counter);
      setMessage(null);
    });
  };

  const transfer = (e: FormEvent) => {
    e.preventDefault();
    const to = transferTarget(target);
    if (!ticket || !to) return;
    void api.visits.transfer({ ticketId: ticket.id, ...to }).then((res) => {
      if (!res.ok) return setMessage(res.error.message);
      setTransferring(false);
      setTarget('');
      setTicket(null);
    });
  };

  if (offline || counter === undefined) {
    return message ? (
      <p className="muted small" data-testid="counter-bar-message">
        {message}
      </p>
    ) : null;
  }
  const supervisor = session.clerk.role !== 'clerk';
  const action = (intent: CounterIntent, label: string) => (
    <button
      type="button"
      className="btn btn-ghost"
      onClick={() => run(intent)}
      data-testid={`counter-${intent}`}
    >
      {label} ({shortcutOf(intent)})
    </button>
  );
  return (
    <section className="card session-bar" aria-label={t('visits.counter.label')} data-testid="counter-bar">
      {counter === null ? (
        <form onSubmit={saveCounter} className="field inline">
          <label>
            <span>{t('visits.counter.label')}</span>{' '}
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              inputMode="numeric"
              size={3}
              data-testid="counter-number"
            />
          </label>{' '}
          <button type="submit" className="btn btn-ghost">
            {t('visits.counter.set')}
          </button>
        </form>
      ) : (
        <p>
          <span className="strong">
            {t('visits.counter.label')} {counter}
          </span>{' '}
          {action('callNext', t('visits.counter.callNext'))}
        </p>
      )}
      {ticket && (
        <div data-testid="called-ticket" data-status={ticket.status}>
          <p className="strong" data-testid="called-ticket-code">
            {t('visits.counter.called', {
              code: ticket.code,
              line: ticket.line,
              service: serviceLabel(ticket.serviceKey, locale),
            })}{' '}
            ·{' '}
            {ticket.person
              ? t('visits.counter.booked', { name: ticket.person.displayName })
              : t('visits.counter.walkIn')}
            {ticket.calls > 1 && ` · ${t('visits.counter.calls', { n: ticket.calls })}`}
          </p>
          <p>
            {action('recall', t('visits.counter.recall'))} {action('no_show', t('visits.counter.noShow'))}{' '}
            {action('start', t('visits.counter.start'))} {action('end', t('visits.counter.end'))}{' '}
            {action('transfer', t('visits.counter.transfer'))}
          </p>
          {transferring && (
            <form onSubmit={transfer} onKeyDown={(e) => e.key === 'Escape' && setTransferring(false)}>
              <label className="field inline">
                <span>{t('visits.counter.transferTo')}</span>{' '}
                <input
                  autoFocus
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                  size={3}
                  data-testid="counter-transfer-to"
                />
              </label>
            </form>
          )}
        </div>
      )}
      {message && (
        <p className="muted small" role="status" data-testid="counter-bar-message">
          {message}
        </p>
      )}
      {supervisor && (
        <p>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setStats((s) => !s)}
            aria-expanded={stats}
            data-testid="wait-stats-open"
          >
            {t('visits.stats.open')}
          </button>
        </p>
      )}
      {stats && <WaitStatsPanel onError={props.onError} />}
    </section>
  );
}
