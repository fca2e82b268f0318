import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_EVENT_TYPES,
  CASE_STATUSES,
  type Actor,
  type CaseEventType,
  type CaseState,
  type CaseStatus,
} from './case-model';
import type { CaseResult } from './case-errors';
import {
  allowedEvents,
  LEGAL_TRANSITIONS,
  openCase,
  transition,
  TRANSITIONS,
  type CaseEvent,
} from './case-state-machine';
import { caseDeadline } from './deadline';
import { defineProcedure, procedureOn, type ProcedureDefinition } from './procedure-catalogue';

const procedure = (code: string): ProcedureDefinition => {
  const r = procedureOn(code, 'B885', '2026-03-02');
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};
const residence = procedure('cambio_residenza');
const contributo = procedure('contributo_economico'); // four-eyes, 60 days, withdrawable until the decision
const sad = procedure('assistenza_domiciliare'); // no four-eyes, 30 days

const citizen: Actor = { id: 'cittadino-1', role: 'citizen' };
const clerk: Actor = { id: 'c.bianchi', role: 'clerk' };
const clerk2: Actor = { id: 'l.verdi', role: 'clerk' };
const supervisor: Actor = { id: 'r.neri', role: 'supervisor' };
const system: Actor = { id: 'scheduler', role: 'system' };

const T = (day: string, time = '10:00'): string => `${day}T${time}`;

function value<T>(r: CaseResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.reason}: ${r.error.message.en}`);
  return r.value;
}
const reasonOf = (r: CaseResult<unknown>): string => (r.ok ? 'ok' : r.error.reason);

type Step = [CaseEvent, Actor, string];

function run(state: CaseState, steps: readonly Step[]): CaseState {
  return steps.reduce((s, [event, actor, at]) => value(transition(s, event, actor, at)).state, state);
}

const draft = (p: ProcedureDefinition = contributo): CaseState =>
  value(openCase({ id: 'P-1', comune: 'B885', procedure: p }, citizen, T('2026-03-02', '08:00'))).state;

const TO_REGISTERED: Step[] = [
  [{ type: 'submit' }, citizen, T('2026-03-02', '08:05')],
  [
    { type: 'register', protocol: '2026/0000123', registeredAt: T('2026-03-02', '08:30') },
    system,
    T('2026-03-02', '08:30'),
  ],
];
const TAKE: Step = [{ type: 'take_in_charge' }, clerk, T('2026-03-03', '09:00')];
const REFUSAL_NOTICE: Step[] = [
  [{ type: 'suspend', kind: 'refusal_notice', reason: 'ISEE oltre soglia' }, clerk, T('2026-03-05')],
  [{ type: 'resume' }, clerk, T('2026-03-16')], // the 10 days ran out on 15 March
];

/** A case in `status`, reached by the shortest realistic path. */
function stateIn(status: CaseStatus, p: ProcedureDefinition = contributo): CaseState {
  const d = draft(p);
  switch (status) {
    case 'draft':
      return d;
    case 'submitted':
      return run(d, TO_REGISTERED.slice(0, 1));
    case 'registered':
      return run(d, TO_REGISTERED);
    case 'taken_in_charge':
      return run(d, [...TO_REGISTERED, TAKE]);
    case 'suspended':
      return run(d, [
        ...TO_REGISTERED,
        TAKE,
        [
          { type: 'suspend', kind: 'information_request', days: 10, reason: 'manca ISEE' },
          clerk,
          T('2026-03-05'),
        ],
      ]);
    case 'proposed_outcome':
      return run(d, [
        ...TO_REGISTERED,
        TAKE,
        [{ type: 'propose', outcome: 'approve', reason: 'requisiti ok' }, clerk, T('2026-03-10')],
      ]);
    case 'approved':
      return run(stateIn('proposed_outcome', p), [[{ type: 'approve' }, supervisor, T('2026-03-11')]]);
    case 'rejected':
      return run(d, [
        ...TO_REGISTERED,
        TAKE,
        ...REFUSAL_NOTICE,
        [{ type: 'propose', outcome: 'reject', reason: 'ISEE oltre soglia' }, clerk, T('2026-03-17')],
        [{ type: 'reject' }, supervisor, T('2026-03-18')],
      ]);
    case 'withdrawn':
      return run(d, [
        [{ type: 'withdraw', reason: 'non più necessario' }, citizen, T('2026-03-02', '09:00')],
      ]);
    case 'closed':
      return run(stateIn('approved', p), [
        [
          { type: 'close', finalAct: { number: '2026/0000200', date: '2026-03-11' } },
          supervisor,
          T('2026-03-12'),
        ],
      ]);
  }
}

const FINAL_ACT = { number: '2026/0000200', date: '2026-03-18' };

/** One realistic way to take each legal transition: [state, event, actor, at]. */
const SCENARIOS: Record<string, () => [CaseState, CaseEvent, Actor, string]> = {
  'submit:draft': () => [stateIn('draft'), { type: 'submit' }, citizen, T('2026-03-02', '08:05')],
  'register:submitted': () => [
    stateIn('submitted'),
    { type: 'register', protocol: '2026/0000123', registeredAt: T('2026-03-02', '08:30') },
    clerk,
    T('2026-03-02', '08:31'),
  ],
  'take_in_charge:registered': () => [
    stateIn('registered'),
    { type: 'take_in_charge' },
    clerk,
    T('2026-03-03'),
  ],
  'suspend:taken_in_charge': () => [
    stateIn('taken_in_charge'),
    { type: 'suspend', kind: 'information_request', reason: 'manca ISEE' },
    clerk,
    T('2026-03-05'),
  ],
  'resume:suspended': () => [stateIn('suspended'), { type: 'resume' }, clerk, T('2026-03-09')],
  'propose:taken_in_charge': () => [
    stateIn('taken_in_charge'),
    { type: 'propose', outcome: 'approve', reason: 'ok' },
    clerk,
    T('2026-03-10'),
  ],
  'approve:proposed_outcome': () => [
    stateIn('proposed_outcome'),
    { type: 'approve' },
    supervisor,
    T('2026-03-11'),
  ],
  'reject:proposed_outcome': () => [
    run(stateIn('taken_in_charge'), [
      ...REFUSAL_NOTICE,
      [{ type: 'propose', outcome: 'reject', reason: 'ISEE oltre soglia' }, clerk, T('2026-03-17')],
    ]),
    { type: 'reject', finalAct: FINAL_ACT },
    supervisor,
    T('2026-03-18'),
  ],
  'return_for_review:proposed_outcome': () => [
    stateIn('proposed_outcome'),
    { type: 'return_for_review', reason: 'manca il calcolo' },
    supervisor,
    T('2026-03-11'),
  ],
  'silence_assent:registered': () => [
    stateIn('registered', residence),
    { type: 'silence_assent' },
    system,
    T('2026-04-17', '00:05'),
  ],
  'silence_assent:taken_in_charge': () => [
    stateIn('taken_in_charge', residence),
    { type: 'silence_assent' },
    system,
    T('2026-04-17', '00:05'),
  ],
  'silence_assent:proposed_outcome': () => [
    stateIn('proposed_outcome', residence),
    { type: 'silence_assent' },
    system,
    T('2026-04-17', '00:05'),
  ],
  ...Object.fromEntries(
    (['draft', 'submitted', 'registered', 'taken_in_charge', 'suspended', 'proposed_outcome'] as const).map(
      (from) => [
        `withdraw:${from}`,
        (): [CaseState, CaseEvent, Actor, string] => [
          stateIn(from),
          { type: 'withdraw', reason: 'rinuncia scritta' },
          citizen,
          T('2026-03-20'),
        ],
      ],
    ),
  ),
  'close:approved': () => [
    stateIn('approved'),
    { type: 'close', finalAct: FINAL_ACT },
    supervisor,
    T('2026-03-19'),
  ],
  'close:rejected': () => [
    stateIn('rejected'),
    { type: 'close', finalAct: FINAL_ACT },
    system,
    T('2026-03-19'),
  ],
  'close:withdrawn': () => [stateIn('withdrawn'), { type: 'close' }, clerk, T('2026-03-03')],
};

describe('every legal transition', () => {
  it('has a scenario for each (event, from) pair of the table', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(
      LEGAL_TRANSITIONS.map((t) => `${t.event}:${t.from}`).sort(),
    );
    expect(LEGAL_TRANSITIONS).toHaveLength(21);
  });

  it.each(LEGAL_TRANSITIONS.map((t) => [t.event, t.from, t.to] as const))(
    '%s: %s → %s',
    (event, from, to) => {
      const scenario = SCENARIOS[`${event}:${from}`];
      if (!scenario) throw new Error('no scenario');
      const [state, e, actor, at] = scenario();
      expect(state.status).toBe(from);
      const r = value(transition(state, e, actor, at));
      expect(r.state.status).toBe(to);
      expect(r.state.lastEventAt).toBe(at);
      expect(r.event).toMatchObject({ caseId: 'P-1', type: event, who: actor, when: at, from, to });
    },
  );
});

/** A plausible event of each type, to probe the states where it is illegal. */
const SAMPLE_EVENTS: Record<CaseEventType, CaseEvent> = {
  submit: { type: 'submit' },
  register: { type: 'register', protocol: '2026/0000999', registeredAt: T('2026-12-31', '09:00') },
  take_in_charge: { type: 'take_in_charge' },
  suspend: { type: 'suspend', kind: 'information_request', reason: 'x' },
  resume: { type: 'resume' },
  propose: { type: 'propose', outcome: 'approve', reason: 'x' },
  approve: { type: 'approve' },
  reject: { type: 'reject' },
  return_for_review: { type: 'return_for_review', reason: 'x' },
  silence_assent: { type: 'silence_assent' },
  withdraw: { type: 'withdraw', reason: 'x' },
  close: { type: 'close' },
};

describe('illegal transitions', () => {
  const pairs = CASE_STATUSES.flatMap((status) =>
    CASE_EVENT_TYPES.filter((e) => !TRANSITIONS[e].from.includes(status)).map((e) => [status, e] as const),
  );

  it.each(pairs)('from %s, %s is refused', (status, event) => {
    const r = transition(stateIn(status), SAMPLE_EVENTS[event], supervisor, T('2026-12-31', '10:00'));
    expect(reasonOf(r)).toBe('illegal_transition');
  });

  it('names the states and the possible steps in both languages', () => {
    const r = transition(stateIn('draft'), { type: 'approve' }, supervisor, T('2026-03-03'));
    expect(!r.ok && r.error.message).toEqual({
      it: 'Impossibile accogliere: la pratica è «bozza». Da questo stato si può: presentare, ritirare.',
      en: 'Cannot approve: the case is “draft”. From this state you may: submit, withdraw.',
    });
    const closed = transition(stateIn('closed'), { type: 'withdraw', reason: 'x' }, citizen, T('2026-12-31'));
    expect(!closed.ok && closed.error.message.en).toBe(
      'Cannot withdraw: the case is “closed”. From this state you may: —.',
    );
  });

  it('lists the allowed events per state', () => {
    expect(allowedEvents('taken_in_charge')).toEqual(['suspend', 'propose', 'silence_assent', 'withdraw']);
    expect(allowedEvents('closed')).toEqual([]);
  });
});

describe('roles, reasons and time', () => {
  it('refuses a role the step does not allow', () => {
    const r = transition(stateIn('submitted'), SAMPLE_EVENTS.register, citizen, T('2026-12-31'));
    expect(reasonOf(r)).toBe('role_not_allowed');
    expect(!r.ok && r.error.message.it).toBe('Il ruolo «cittadino» non può protocollare.');
    expect(
      reasonOf(transition(stateIn('proposed_outcome'), { type: 'approve' }, system, T('2026-03-11'))),
    ).toBe('role_not_allowed');
  });

  it('requires a reason to suspend, propose, return or withdraw', () => {
    const r = transition(
      stateIn('taken_in_charge'),
      { type: 'propose', outcome: 'approve', reason: '  ' },
      clerk,
      T('2026-03-10'),
    );
    expect(reasonOf(r)).toBe('reason_required');
    expect(!r.ok && r.error.message.en).toBe('A reason is required to propose the outcome.');
    expect(
      reasonOf(transition(stateIn('draft'), { type: 'withdraw', reason: '' }, citizen, T('2026-03-03'))),
    ).toBe('reason_required');
  });

  it('refuses an event earlier than the last one, and a malformed time', () => {
    const s = stateIn('taken_in_charge');
    const r = transition(
      s,
      { type: 'propose', outcome: 'approve', reason: 'x' },
      clerk,
      T('2026-03-03', '08:59'),
    );
    expect(reasonOf(r)).toBe('time_goes_backwards');
    expect(
      reasonOf(transition(s, { type: 'propose', outcome: 'approve', reason: 'x' }, clerk, '2026-03-10')),
    ).toBe('invalid_timestamp');
  });

  it('records who, when, why, from and to', () => {
    const r = value(
      transition(
        stateIn('taken_in_charge'),
        { type: 'propose', outcome: 'reject', reason: ' ISEE oltre soglia ' },
        clerk,
        T('2026-03-10'),
      ),
    );
    expect(r.event).toEqual({
      caseId: 'P-1',
      type: 'propose',
      who: clerk,
      when: '2026-03-10T10:00',
      why: 'ISEE oltre soglia',
      from: 'taken_in_charge',
      to: 'proposed_outcome',
      details: { proposed: 'reject' },
    });
    expect(r.state.proposal).toEqual({
      outcome: 'reject',
      by: 'c.bianchi',
      at: '2026-03-10T10:00',
      reason: 'ISEE oltre soglia',
    });
  });

  it('only the assignee or a supervisor proposes the outcome', () => {
    const s = stateIn('taken_in_charge');
    expect(
      reasonOf(transition(s, { type: 'propose', outcome: 'approve', reason: 'x' }, clerk2, T('2026-03-10'))),
    ).toBe('not_assignee');
    expect(
      reasonOf(
        transition(s, { type: 'propose', outcome: 'approve', reason: 'x' }, supervisor, T('2026-03-10')),
      ),
    ).toBe('ok');
  });
});

describe('opening a case', () => {
  it('starts a draft with the procedure version and the applicant', () => {
    const r = value(openCase({ id: 'P-9', comune: 'B885', procedure: residence }, citizen, T('2026-03-02')));
    expect(r.state).toMatchObject({
      status: 'draft',
      applicantId: 'cittadino-1',
      protocol: null,
      receivedOn: null,
    });
    expect(r.event).toMatchObject({
      from: null,
      to: 'draft',
      details: { procedure: 'cambio_residenza', procedureVersion: '2020-07-17' },
    });
    const byClerk = value(
      openCase({ id: 'P-9', comune: 'B885', procedure: residence }, clerk, T('2026-03-02')),
    );
    expect(byClerk.state.applicantId).toBeNull();
  });

  it("refuses another comune's procedure, an empty id, a bad time", () => {
    expect(
      reasonOf(openCase({ id: 'P-9', comune: 'A859', procedure: contributo }, clerk, T('2026-03-02'))),
    ).toBe('procedure_of_other_comune');
    expect(
      reasonOf(openCase({ id: ' ', comune: 'B885', procedure: contributo }, clerk, T('2026-03-02'))),
    ).toBe('empty_field');
    expect(
      reasonOf(openCase({ id: 'P-9', comune: 'B885', procedure: contributo }, clerk, '2026-03-02')),
    ).toBe('invalid_timestamp');
    expect(
      reasonOf(openCase({ id: 'P-9', comune: 'B885', procedure: contributo }, system, T('2026-03-02'))),
    ).toBe('role_not_allowed');
  });
});

describe('registration requires a protocol number', () => {
  const submitted = (): CaseState => stateIn('submitted');
  const register = (
    event: Partial<Extract<CaseEvent, { type: 'register' }>>,
    at = T('2026-03-02', '09:00'),
  ) =>
    transition(
      submitted(),
      { type: 'register', protocol: '2026/0000123', registeredAt: T('2026-03-02', '08:30'), ...event },
      clerk,
      at,
    );

  it('stores the number, the registration time and the legal start', () => {
    const r = value(register({ protocol: '2026/123' }));
    expect(r.state.protocol).toEqual({
      number: { year: 2026, number: 123 },
      registeredAt: '2026-03-02T08:30',
    });
    expect(r.state.receivedOn).toBe('2026-03-02');
    expect(r.event.details).toEqual({
      protocol: '2026/0000123',
      registeredAt: '2026-03-02T08:30',
      receivedOn: '2026-03-02',
    });
    const object = value(register({ protocol: { year: 2026, number: 7 } }));
    expect(object.state.protocol?.number).toEqual({ year: 2026, number: 7 });
  });

  it('starts the term at receipt when it precedes the registration (art. 2 c.6)', () => {
    const r = value(register({ receivedOn: '2026-02-27' }));
    expect(r.state.receivedOn).toBe('2026-02-27');
    expect(caseDeadline(r.state, '2026-03-02')?.dueDate).toBe('2026-04-28'); // 27 Feb + 60
  });

  it.each([
    [{ protocol: '' }, 'protocol_required'],
    [{ protocol: 'abc' }, 'invalid_protocol'],
    [{ protocol: { year: 2026, number: 0 } }, 'invalid_protocol'],
    [{ protocol: '2025/0000123' }, 'protocol_year_mismatch'],
    [{ registeredAt: '2026-03-02' }, 'invalid_timestamp'],
    [{ registeredAt: T('2026-03-02', '09:30') }, 'registered_in_future'],
    [{ receivedOn: '2026-03-03' }, 'received_after_registration'],
    [{ receivedOn: '2026-02-30' }, 'invalid_date'],
  ] as const)('%j → %s', (event, reason) => {
    expect(reasonOf(register(event))).toBe(reason);
  });

  it('explains an invalid number with the protocol rule', () => {
    const r = register({ protocol: 'abc' });
    expect(!r.ok && r.error.message.it).toBe(
      'Numero di protocollo «abc» non valido: Numero di protocollo non valido: «abc» (formato AAAA/NNNNNNN, almeno 7 cifre).',
    );
  });
});

describe('four-eyes (needsSecondApproval)', () => {
  const proposed = (
    p: ProcedureDefinition,
    by: Actor,
    outcome: 'approve' | 'reject' = 'approve',
  ): CaseState =>
    run(stateIn('taken_in_charge', p), [
      ...(outcome === 'reject' ? REFUSAL_NOTICE : []),
      [{ type: 'propose', outcome, reason: 'istruttoria completa' }, by, T('2026-03-17')],
    ]);

  it("refuses approving one's own proposal", () => {
    const r = transition(proposed(contributo, clerk), { type: 'approve' }, clerk, T('2026-03-18'));
    expect(reasonOf(r)).toBe('four_eyes');
    expect(!r.ok && r.error.message.en).toBe(
      'This case needs a second approval: whoever proposed the outcome (c.bianchi) may not also approve.',
    );
    expect(
      reasonOf(
        transition(proposed(contributo, supervisor), { type: 'approve' }, supervisor, T('2026-03-18')),
      ),
    ).toBe('four_eyes');
    expect(
      reasonOf(transition(proposed(contributo, clerk, 'reject'), { type: 'reject' }, clerk, T('2026-03-18'))),
    ).toBe('four_eyes');
  });

  it('accepts another person, and the same person when the procedure needs no second approval', () => {
    const approved = value(
      transition(proposed(contributo, clerk), { type: 'approve' }, clerk2, T('2026-03-18')),
    );
    expect(approved.state.outcome).toEqual({
      kind: 'approved',
      at: '2026-03-18T10:00',
      by: 'l.verdi',
      finalAct: null,
    });
    expect(approved.event.details).toEqual({ proposedBy: 'c.bianchi', finalAct: null });
    expect(reasonOf(transition(proposed(sad, clerk), { type: 'approve' }, clerk, T('2026-03-18')))).toBe(
      'ok',
    );
  });

  it('the decision must follow the proposal, or the proposal is returned first', () => {
    const s = proposed(contributo, clerk);
    const r = transition(s, { type: 'reject' }, supervisor, T('2026-03-18'));
    expect(reasonOf(r)).toBe('decision_differs_from_proposal');
    expect(!r.ok && r.error.message.it).toBe(
      'L’esito proposto è «accoglimento»: per respingere occorre prima rinviare la pratica all’istruttoria.',
    );
    const back = value(
      transition(
        s,
        { type: 'return_for_review', reason: 'valutare il rigetto' },
        supervisor,
        T('2026-03-18'),
      ),
    );
    expect(back.state).toMatchObject({ status: 'taken_in_charge', proposal: null });
    expect(back.event.details).toEqual({ proposed: 'approve', proposedBy: 'c.bianchi' });
  });
});

describe('suspension limits (L. 241/1990 art. 2 c.7)', () => {
  const suspend = (s: CaseState, days: number | undefined, at: string) =>
    transition(
      s,
      {
        type: 'suspend',
        kind: 'information_request',
        reason: 'manca ISEE',
        ...(days === undefined ? {} : { days }),
      },
      clerk,
      at,
    );

  it('suspends once, for 30 days by default, and adds the days to the due date', () => {
    const s = stateIn('taken_in_charge', sad); // received 2 March, 30 days → 1 April
    expect(caseDeadline(s, '2026-03-05')?.dueDate).toBe('2026-04-01');
    const suspended = value(suspend(s, undefined, T('2026-03-05'))).state;
    expect(suspended.suspensions).toEqual([
      {
        kind: 'information_request',
        from: '2026-03-05',
        maxDays: 30,
        resumedOn: null,
        reason: 'manca ISEE',
        reference: null,
      },
    ]);
    const resumed = value(transition(suspended, { type: 'resume' }, clerk, T('2026-03-17'))).state;
    expect(resumed.suspensions[0]).toMatchObject({ resumedOn: '2026-03-17' });
    expect(caseDeadline(resumed, '2026-03-17')?.dueDate).toBe('2026-04-13'); // 1 April + 12 days
    const again = suspend(resumed, 5, T('2026-03-18'));
    expect(reasonOf(again)).toBe('information_suspension_limit');
    expect(!again.ok && again.error.message.it).toContain('una sola volta');
  });

  it('refuses more than 30 days, or none', () => {
    const s = stateIn('taken_in_charge', sad);
    const r = suspend(s, 31, T('2026-03-05'));
    expect(reasonOf(r)).toBe('suspension_too_long');
    expect(!r.ok && r.error.message.en).toBe('Suspension of 31 days: at most 30 (L. 241/1990 art. 2 c.7).');
    expect(reasonOf(suspend(s, 0, T('2026-03-05')))).toBe('suspension_too_long');
    expect(reasonOf(suspend(s, 2.5, T('2026-03-05')))).toBe('suspension_too_long');
    expect(reasonOf(suspend(s, 30, T('2026-03-05')))).toBe('ok');
  });

  it('refuses to suspend a term that has already expired', () => {
    const r = suspend(stateIn('taken_in_charge', sad), 10, T('2026-04-02'));
    expect(reasonOf(r)).toBe('suspension_after_term');
    expect(reasonOf(suspend(stateIn('taken_in_charge', sad), 10, T('2026-04-01', '17:00')))).toBe('ok');
  });

  it('ends a running suspension when the case is withdrawn', () => {
    const r = value(
      transition(stateIn('suspended'), { type: 'withdraw', reason: 'rinuncia' }, citizen, T('2026-03-08')),
    );
    expect(r.state.suspensions[0]).toMatchObject({ resumedOn: '2026-03-08' });
    expect(r.state.outcome).toEqual({
      kind: 'withdrawn',
      at: '2026-03-08T10:00',
      by: 'cittadino-1',
      fromStatus: 'suspended',
    });
  });
});

describe('notice of intended refusal (art. 10-bis: 10 days, suspends the term)', () => {
  const noticed = (): CaseState =>
    run(stateIn('taken_in_charge', sad), [
      [
        { type: 'suspend', kind: 'refusal_notice', reason: 'requisiti', reference: '2026/0000150' },
        clerk,
        T('2026-03-05'),
      ],
    ]);

  it('waits for the 10 days unless observations arrive', () => {
    const s = noticed();
    expect(s.suspensions[0]).toMatchObject({
      kind: 'refusal_notice',
      from: '2026-03-05',
      observationDays: 10,
      reference: '2026/0000150',
    });
    const early = transition(s, { type: 'resume' }, clerk, T('2026-03-14'));
    expect(reasonOf(early)).toBe('observation_period_running');
    expect(!early.ok && early.error.message.it).toContain('fino al 2026-03-15');
    expect(reasonOf(transition(s, { type: 'resume' }, clerk, T('2026-03-15')))).toBe('ok');
    const received = transition(
      s,
      { type: 'resume', noticeReceivedOn: '2026-03-07' },
      clerk,
      T('2026-03-16'),
    );
    expect(reasonOf(received)).toBe('observation_period_running'); // 7 + 10 = 17 March
  });

  it('restarts the term 10 days after the observations', () => {
    const r = value(
      transition(noticed(), { type: 'resume', observationsReceivedOn: '2026-03-09' }, clerk, T('2026-03-10')),
    );
    expect(r.state.suspensions[0]).toMatchObject({
      observationsReceivedOn: '2026-03-09',
      resumedOn: '2026-03-10',
    });
    // 1 April + (9 March + 10 − 5 March = 14 days) = 15 April
    expect(caseDeadline(r.state, '2026-03-10')?.dueDate).toBe('2026-04-15');
    expect(caseDeadline(r.state, '2026-03-10')?.suspendedNow).toBe(true);
  });

  it('checks the dates given on resuming', () => {
    const s = noticed();
    expect(
      reasonOf(
        transition(s, { type: 'resume', observationsReceivedOn: '2026-03-04' }, clerk, T('2026-03-10')),
      ),
    ).toBe('date_out_of_order');
    expect(
      reasonOf(
        transition(s, { type: 'resume', observationsReceivedOn: '2026-03-11' }, clerk, T('2026-03-10')),
      ),
    ).toBe('date_out_of_order');
    expect(
      reasonOf(transition(s, { type: 'resume', observationsReceivedOn: 'x' }, clerk, T('2026-03-10'))),
    ).toBe('invalid_date');
    expect(
      reasonOf(transition(s, { type: 'resume', noticeReceivedOn: '2026-03-04' }, clerk, T('2026-03-20'))),
    ).toBe('date_out_of_order');
  });

  it('is required before a rejection', () => {
    const s = run(stateIn('taken_in_charge', sad), [
      [{ type: 'propose', outcome: 'reject', reason: 'x' }, clerk, T('2026-03-10')],
    ]);
    const r = transition(s, { type: 'reject' }, clerk, T('2026-03-11'));
    expect(reasonOf(r)).toBe('refusal_notice_required');
    expect(!r.ok && r.error.message.en).toContain('art. 10-bis');
  });

  it('is refused where art. 10-bis does not apply, and then not required', () => {
    const p = defineProcedure({ ...sad, refusalNoticeApplies: false });
    const s = stateIn('taken_in_charge', p);
    expect(
      reasonOf(
        transition(s, { type: 'suspend', kind: 'refusal_notice', reason: 'x' }, clerk, T('2026-03-05')),
      ),
    ).toBe('refusal_notice_not_applicable');
    const proposed = run(s, [[{ type: 'propose', outcome: 'reject', reason: 'x' }, clerk, T('2026-03-10')]]);
    expect(reasonOf(transition(proposed, { type: 'reject' }, clerk, T('2026-03-11')))).toBe('ok');
  });
});

describe('silence-assent (art. 20; residence 45 days)', () => {
  // residence received Monday 2 March 2026: 45th day Thursday 16 April, assent from the 17th
  it('forms the day after the 45th day', () => {
    const s = stateIn('taken_in_charge', residence);
    const early = transition(s, { type: 'silence_assent' }, system, T('2026-04-16', '23:59'));
    expect(reasonOf(early)).toBe('silence_not_yet');
    expect(!early.ok && early.error.message.en).toBe('Silence-assent forms only from 2026-04-17.');
    const r = value(transition(s, { type: 'silence_assent' }, system, T('2026-04-17', '00:05')));
    expect(r.state.outcome).toEqual({
      kind: 'silence_assent',
      at: '2026-04-17T00:05',
      formedOn: '2026-04-17',
    });
    expect(r.state.status).toBe('approved');
    expect(reasonOf(transition(r.state, { type: 'close' }, system, T('2026-04-17', '00:06')))).toBe('ok'); // no final act needed
  });

  it('does not apply where silence is not consent', () => {
    expect(
      reasonOf(
        transition(stateIn('taken_in_charge', sad), { type: 'silence_assent' }, system, T('2026-12-01')),
      ),
    ).toBe('silence_not_applicable');
  });

  it('is blocked by a notice of grounds for refusal sent in time', () => {
    const s = run(stateIn('taken_in_charge', residence), [
      [
        { type: 'suspend', kind: 'refusal_notice', reason: 'non dimora abituale (vigili)' },
        clerk,
        T('2026-04-10'),
      ],
      [{ type: 'resume' }, clerk, T('2026-04-20')],
    ]);
    const r = transition(s, { type: 'silence_assent' }, system, T('2026-06-01'));
    expect(reasonOf(r)).toBe('silence_blocked');
    expect(!r.ok && r.error.message.it).toContain('2026-04-10');
  });

  it('once formed, a refusal notice or a rejection is ineffective', () => {
    const s = stateIn('taken_in_charge', residence);
    const notice = transition(
      s,
      { type: 'suspend', kind: 'refusal_notice', reason: 'x' },
      clerk,
      T('2026-04-17'),
    );
    expect(reasonOf(notice)).toBe('silence_already_formed');
    expect(!notice.ok && notice.error.message.en).toContain('art. 2 c.8-bis');
    expect(
      reasonOf(
        transition(
          s,
          { type: 'suspend', kind: 'refusal_notice', reason: 'x' },
          clerk,
          T('2026-04-16', '18:00'),
        ),
      ),
    ).toBe('ok');
  });

  it('counts an information suspension', () => {
    const s = run(stateIn('taken_in_charge', residence), [
      [
        { type: 'suspend', kind: 'information_request', days: 10, reason: 'titolo di occupazione' },
        clerk,
        T('2026-03-05'),
      ],
      [{ type: 'resume' }, clerk, T('2026-03-12')],
    ]);
    expect(reasonOf(transition(s, { type: 'silence_assent' }, system, T('2026-04-23')))).toBe(
      'silence_not_yet',
    );
    expect(reasonOf(transition(s, { type: 'silence_assent' }, system, T('2026-04-24')))).toBe('ok');
  });
});

describe('withdrawal', () => {
  it('follows the procedure: residence only before it is taken in charge', () => {
    expect(
      reasonOf(
        transition(
          stateIn('registered', residence),
          { type: 'withdraw', reason: 'x' },
          citizen,
          T('2026-03-02', '09:00'),
        ),
      ),
    ).toBe('ok');
    const r = transition(
      stateIn('taken_in_charge', residence),
      { type: 'withdraw', reason: 'x' },
      citizen,
      T('2026-03-04'),
    );
    expect(reasonOf(r)).toBe('withdrawal_not_allowed');
    expect(!r.ok && r.error.message.it).toBe(
      'Per questo procedimento l’istanza non si può più ritirare quando la pratica è «in istruttoria».',
    );
  });

  it('lets only the applicant withdraw as a citizen; staff record a written withdrawal', () => {
    const s = stateIn('taken_in_charge');
    expect(
      reasonOf(
        transition(s, { type: 'withdraw', reason: 'x' }, { id: 'altro', role: 'citizen' }, T('2026-03-04')),
      ),
    ).toBe('not_applicant');
    expect(
      reasonOf(
        transition(s, { type: 'withdraw', reason: 'rinuncia prot. 2026/0000140' }, clerk, T('2026-03-04')),
      ),
    ).toBe('ok');
  });
});

describe('closing requires the final act of a decision', () => {
  it('refuses to close a decided case without its protocol number', () => {
    const r = transition(stateIn('approved'), { type: 'close' }, supervisor, T('2026-03-12'));
    expect(reasonOf(r)).toBe('final_act_required');
    expect(!r.ok && r.error.message.it).toBe(
      'Per chiudere una pratica accolta servono numero e data di protocollo del provvedimento finale.',
    );
  });

  it('takes the act at the decision or at closing', () => {
    const decided = run(stateIn('proposed_outcome'), [
      [
        { type: 'approve', finalAct: { number: '2026/210', date: '2026-03-11' } },
        supervisor,
        T('2026-03-11'),
      ],
    ]);
    expect(decided.outcome).toMatchObject({
      finalAct: { number: { year: 2026, number: 210 }, date: '2026-03-11' },
    });
    const closed = value(transition(decided, { type: 'close' }, system, T('2026-03-12')));
    expect(closed.state.closedAt).toBe('2026-03-12T10:00');
    expect(closed.event.details).toEqual({ outcome: 'approved', finalAct: '2026/0000210' });
  });

  it('checks the act', () => {
    const s = stateIn('approved');
    const close = (finalAct: { number: string; date: string }) =>
      reasonOf(transition(s, { type: 'close', finalAct }, supervisor, T('2026-03-12')));
    expect(close({ number: '2025/0000001', date: '2026-03-11' })).toBe('protocol_year_mismatch');
    expect(close({ number: 'x', date: '2026-03-11' })).toBe('invalid_protocol');
    expect(close({ number: '2026/1', date: '2026-13-11' })).toBe('invalid_date');
    expect(close({ number: '2026/1', date: '2026-03-13' })).toBe('date_out_of_order'); // in the future
    expect(close({ number: '2026/1', date: '2026-03-01' })).toBe('date_out_of_order'); // before receipt
  });
});

describe('property: random event sequences', () => {
  const actors = [citizen, clerk, clerk2, supervisor, system];
  const events: CaseEvent[] = [
    { type: 'submit' },
    { type: 'register', protocol: '2026/0000123', registeredAt: T('2026-03-02', '08:30') },
    { type: 'take_in_charge' },
    { type: 'suspend', kind: 'information_request', days: 10, reason: 'x' },
    { type: 'suspend', kind: 'refusal_notice', reason: 'x' },
    { type: 'resume' },
    { type: 'resume', observationsReceivedOn: '2026-03-03' },
    { type: 'propose', outcome: 'approve', reason: 'x' },
    { type: 'propose', outcome: 'reject', reason: 'x' },
    { type: 'approve' },
    { type: 'reject' },
    { type: 'return_for_review', reason: 'x' },
    { type: 'silence_assent' },
    { type: 'withdraw', reason: 'x' },
    { type: 'close', finalAct: { number: '2026/0000900', date: '2026-03-03' } },
  ];

  it('never throws, moves only along the table, and keeps the invariants', () => {
    const reached = new Set<CaseStatus>();
    fc.assert(
      fc.property(
        fc.constantFrom(contributo, residence, sad),
        fc.array(
          fc.tuple(
            fc.nat(events.length - 1),
            fc.nat(actors.length - 1),
            fc.integer({ min: 0, max: 72 }),
            // mostly an event the state allows (to get deep), sometimes any event
            fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
          ),
          { minLength: 25, maxLength: 60 },
        ),
        (p, steps) => {
          let state = value(
            openCase({ id: 'P-1', comune: 'B885', procedure: p }, citizen, T('2026-03-02', '08:00')),
          ).state;
          let minutes = 8 * 60 + 30;
          for (const [e, a, hours, wild] of steps) {
            minutes += hours * 60;
            const day = new Date(Date.UTC(2026, 2, 2) + Math.floor(minutes / 1440) * 86_400_000)
              .toISOString()
              .slice(0, 10);
            const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
            const at = `${day}T${hh}:${String(minutes % 60).padStart(2, '0')}`;
            // withdrawal ends the walk early: leave it to the occasional wild pick
            const allowed = events.filter(
              (x) => x.type !== 'withdraw' && TRANSITIONS[x.type].from.includes(state.status),
            );
            const pool = wild || allowed.length === 0 ? events : allowed;
            const picked = pool[e % pool.length]!;
            // observations arriving today, whatever today is
            const event: CaseEvent =
              picked.type === 'resume' && picked.observationsReceivedOn
                ? { ...picked, observationsReceivedOn: day }
                : picked;
            const r = transition(state, event, actors[a]!, at);
            if (!r.ok) {
              if (r.error.message.it === '' || r.error.message.en === '') return false;
              continue;
            }
            const rule = TRANSITIONS[event.type];
            const next = r.value.state;
            if (!rule.from.includes(state.status) || next.status !== rule.to) return false;
            if (r.value.event.from !== state.status || r.value.event.to !== next.status) return false;
            state = next;
            reached.add(state.status);
            if (state.suspensions.filter((s) => s.kind === 'information_request').length > 1) return false;
            const o = state.outcome;
            if (
              p.needsSecondApproval &&
              o &&
              (o.kind === 'approved' || o.kind === 'rejected') &&
              o.by === state.proposal?.by
            ) {
              return false;
            }
            if (o?.kind === 'rejected' && !state.suspensions.some((s) => s.kind === 'refusal_notice'))
              return false;
            if (state.status === 'closed' && o === null) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
    // the generator does explore the whole machine
    expect([...reached].sort()).toEqual([...CASE_STATUSES].filter((s) => s !== 'draft').sort());
  });
});
