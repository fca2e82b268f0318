import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { allowedActions } from './case-actions';
import {
  addNote,
  applyCaseEvent,
  assignCaseRecord,
  clampAt,
  colourOn,
  deadlineColumns,
  newCaseRecord,
  recordPoliceCheck,
  recordVisit,
  registerCaseRecord,
  type CaseActor,
} from './case-engine';
import type { CaseRecord } from './case-record';
import { procedureOn } from './procedure-catalogue';
import { newResidenceData } from './residence-case';
import type { ResidenceIntakeData } from './residence-intake-schema';

const clerk: CaseActor = { username: 'anagrafe.casale', role: 'clerk' };
const other: CaseActor = { username: 'anagrafe2.casale', role: 'clerk' };
const supervisor: CaseActor = { username: 'supervisore.casale', role: 'supervisor' };

function procedure(code: string) {
  const p = procedureOn(code, 'B885', '2026-03-02');
  if (!p.ok) throw new Error(code);
  return p.value;
}

function opened(code = 'contributo_economico', residence: CaseRecord['residence'] = null): CaseRecord {
  const record = newCaseRecord(
    {
      caseId: 'case-1',
      eventId: 'ev-1',
      at: '2026-03-02T10:00',
      comune: 'B885',
      procedure: procedure(code),
      applicantId: 'r-mario',
      applicantName: 'Rossi Mario',
      subject: 'Contributo',
      counterSeconds: 300,
      receiptDelivery: 'file',
      documents: [],
      residence,
      persons: ['r-mario'],
    },
    clerk,
  );
  return registerCaseRecord(record, { year: 2026, number: 7 }, '2026-03-02T12:00', '2026-03-02');
}

const refusal = (fn: () => unknown): Record<string, unknown> => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, ...err.params };
    throw err;
  }
  throw new Error('not refused');
};

describe('a case on the engine', () => {
  it('opens submitted and is registered by the hub with its protocol number', () => {
    const record = opened();
    expect(record.state).toMatchObject({
      status: 'registered',
      protocol: { number: { year: 2026, number: 7 }, registeredAt: '2026-03-02T12:00' },
      receivedOn: '2026-03-02',
    });
    expect(record.timeline.map((e) => [e.id, e.type, e.from, e.to])).toEqual([
      ['ev-1', 'create', null, 'draft'],
      ['ev-1.submit', 'submit', 'draft', 'submitted'],
      ['case-1.register', 'register', 'submitted', 'registered'],
    ]);
  });

  it('refuses a step from the wrong state with the rule’s words, in both languages', () => {
    const params = refusal(() =>
      applyCaseEvent(opened(), { type: 'approve' }, supervisor, '2026-03-03T09:00', 'e'),
    );
    expect(params).toMatchObject({ code: 'case_refused', reason: 'illegal_transition' });
    expect(params.detail_it).toBe(
      'Impossibile accogliere: la pratica è «protocollata». Da questo stato si può: prendere in carico, registrare il silenzio-assenso, ritirare.',
    );
    expect(params.detail_en).toContain('Cannot approve: the case is “registered”.');
  });

  it('four-eyes: whoever proposed may not approve, and the screen does not offer it', () => {
    let record = applyCaseEvent(opened(), { type: 'take_in_charge' }, clerk, '2026-03-03T09:00', 'e1');
    record = applyCaseEvent(
      record,
      { type: 'propose', outcome: 'approve', reason: 'ISEE ok' },
      clerk,
      '2026-03-03T10:00',
      'e2',
    );
    expect(
      refusal(() => applyCaseEvent(record, { type: 'approve' }, clerk, '2026-03-03T11:00', 'e3')),
    ).toMatchObject({
      reason: 'four_eyes',
    });
    expect(allowedActions(record, clerk, '2026-03-03T11:00')).not.toContain('approve');
    expect(allowedActions(record, other, '2026-03-03T11:00')).toContain('approve');
    const approved = applyCaseEvent(record, { type: 'approve' }, other, '2026-03-03T11:00', 'e3', {
      finalAct: { number: { year: 2026, number: 8 }, date: '2026-03-03' },
    });
    expect(approved.state.outcome).toMatchObject({ kind: 'approved', by: 'anagrafe2.casale' });
  });

  it('suspends for information once only, for at most 30 days', () => {
    const taken = applyCaseEvent(opened(), { type: 'take_in_charge' }, clerk, '2026-03-03T09:00', 'e1');
    expect(
      refusal(() =>
        applyCaseEvent(
          taken,
          { type: 'suspend', kind: 'information_request', days: 31, reason: 'ISEE' },
          clerk,
          '2026-03-04T09:00',
          'e2',
        ),
      ),
    ).toMatchObject({ reason: 'suspension_too_long' });
    let record = applyCaseEvent(
      taken,
      { type: 'suspend', kind: 'information_request', days: 20, reason: 'ISEE' },
      clerk,
      '2026-03-04T09:00',
      'e2',
    );
    record = applyCaseEvent(record, { type: 'resume' }, clerk, '2026-03-10T09:00', 'e3');
    expect(allowedActions(record, clerk, '2026-03-10T10:00')).not.toContain('suspend_information');
    expect(
      refusal(() =>
        applyCaseEvent(
          record,
          { type: 'suspend', kind: 'information_request', reason: 'altro' },
          clerk,
          '2026-03-11T09:00',
          'e4',
        ),
      ),
    ).toMatchObject({ reason: 'information_suspension_limit' });
    // 60 days from 2 March + 6 days suspended = 7 May
    expect(deadlineColumns(record, '2026-03-10').dueDate).toBe('2026-05-07');
  });

  it('takes a counter clock a little behind the last event as simultaneous with it', () => {
    expect(clampAt('2026-03-02T11:59:58', '2026-03-02T12:00')).toBe('2026-03-02T12:00');
    const taken = applyCaseEvent(opened(), { type: 'take_in_charge' }, clerk, '2026-03-02T11:59', 'e1');
    expect(taken.state.lastEventAt).toBe('2026-03-02T12:00');
  });

  it('assigns a registered case (taking it in charge) and reassigns it later: supervisors only', () => {
    expect(refusal(() => assignCaseRecord(opened(), 'x', clerk, '2026-03-03T09:00', 'a1', ''))).toMatchObject(
      {
        code: 'action_not_allowed',
      },
    );
    const assigned = assignCaseRecord(opened(), 'anagrafe2.casale', supervisor, '2026-03-03T09:00', 'a1', '');
    expect(assigned.state).toMatchObject({ status: 'taken_in_charge', assigneeId: 'anagrafe2.casale' });
    const moved = assignCaseRecord(
      assigned,
      'anagrafe.casale',
      supervisor,
      '2026-03-04T09:00',
      'a2',
      'ferie',
    );
    expect(moved.state).toMatchObject({ status: 'taken_in_charge', assigneeId: 'anagrafe.casale' });
    expect(moved.timeline.at(-1)).toMatchObject({
      type: 'assign',
      why: 'ferie',
      details: { previous: 'anagrafe2.casale' },
    });
    const closed = applyCaseEvent(
      moved,
      { type: 'withdraw', reason: 'rinuncia scritta' },
      clerk,
      '2026-03-05T09:00',
      'w',
    );
    expect(
      refusal(() => assignCaseRecord(closed, 'x', supervisor, '2026-03-06T09:00', 'a3', '')),
    ).toMatchObject({
      reason: 'illegal_transition',
    });
  });

  it('keeps notes once each and counts visits only while the case is open', () => {
    const note = {
      id: 'n1',
      kind: 'internal' as const,
      text: 'verificare',
      author: 'x',
      at: '2026-03-03T09:00',
    };
    const once = addNote(opened(), note, clerk);
    expect(addNote(once, note, clerk)).toBe(once);
    expect(recordVisit(once, clerk, '2026-03-04T09:00', 'v1', 'documenti').visits).toBe(2);
    const withdrawn = applyCaseEvent(
      once,
      { type: 'withdraw', reason: 'rinuncia' },
      clerk,
      '2026-03-05T09:00',
      'w',
    );
    expect(refusal(() => recordVisit(withdrawn, clerk, '2026-03-06T09:00', 'v2', 'altro'))).toMatchObject({
      code: 'case_closed',
    });
  });

  it('records the police check only on a residence case', () => {
    const check = {
      outcome: 'positive' as const,
      checkedOn: '2026-03-10',
      notes: '',
      at: '2026-03-10T10:00',
    };
    expect(refusal(() => recordPoliceCheck(opened(), check, clerk, 'p1'))).toMatchObject({
      code: 'case_not_residence',
    });
    const intake: ResidenceIntakeData = {
      comune: 'B885',
      declarationDate: '2026-03-02',
      movedOn: null,
      channel: 'counter',
      protocolDate: null,
      origin: { kind: 'same_comune' },
      movers: [],
      address: {
        streetType: 'Via',
        streetName: 'Roma',
        houseNumber: '1',
        interior: null,
        stair: null,
        floor: null,
        cap: '15033',
        multiUnitBuilding: false,
      },
      occupation: { kind: 'owner' },
      household: { kind: 'new' },
      drivingLicences: [],
      vehiclePlates: [],
      signatures: [],
      representative: null,
    };
    const residence = opened('cambio_residenza', newResidenceData(intake));
    expect(recordPoliceCheck(residence, check, clerk, 'p1').residence?.policeCheck).toMatchObject({
      outcome: 'positive',
      by: 'anagrafe.casale',
    });
  });
});

describe('the queue’s stored deadline columns', () => {
  it('turns amber when 20% or 5 days are left, red after the due day', () => {
    // 2 March + 60 days = 1 May, a holiday: the term ends on Saturday 2 May; 20% of 60 = 12 days
    const columns = deadlineColumns(opened(), '2026-03-02');
    expect(columns).toMatchObject({ dueDate: '2026-05-02', amberFrom: '2026-04-20', termDays: 60 });
    expect(colourOn(columns.dueDate, columns.amberFrom, '2026-04-19')).toBe('green');
    expect(colourOn(columns.dueDate, columns.amberFrom, '2026-04-20')).toBe('amber');
    expect(colourOn(columns.dueDate, columns.amberFrom, '2026-05-02')).toBe('amber');
    expect(colourOn(columns.dueDate, columns.amberFrom, '2026-05-03')).toBe('red');
  });

  it('freezes a concluded case and keeps its net handling days', () => {
    const withdrawn = applyCaseEvent(
      opened(),
      { type: 'withdraw', reason: 'rinuncia' },
      clerk,
      '2026-03-12T09:00',
      'w',
    );
    expect(deadlineColumns(withdrawn, '2026-06-01')).toMatchObject({
      concludedOn: '2026-03-12',
      handlingDays: 10,
    });
  });
});
