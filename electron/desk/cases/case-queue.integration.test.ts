import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar/iso-date';
import { amberDays, colourOn } from '../../../shared/cases/case-engine';
import { queueInput, type QueueInput } from '../../../shared/contract/case-inputs';
import { openDeskDatabase, type DeskDatabase } from '../db/open-database';
import { queueQuery, windowQuery } from './case-queries';

const TODAY = '2026-06-15';
const PROCEDURES = ['cambio_residenza', 'contributo_economico', 'occupazione_suolo_pubblico'];
const TERMS = [45, 60, 30];
const STATUSES = [
  'submitted',
  'registered',
  'taken_in_charge',
  'suspended',
  'proposed_outcome',
  'approved',
  'closed',
];

/** The queue's query plans and colours over a real desk file with a few thousand cases. */
describe('case queue over the local mirror', () => {
  let desk: DeskDatabase;
  beforeAll(async () => {
    desk = await openDeskDatabase(join(mkdtempSync(join(tmpdir(), 'sportello-queue-')), 'desk.sqlite'));
    const insert = desk.sqlite
      .prepare(`insert into cases (id, comune, procedure_code, office, status, is_open,
      subject, applicant_id, applicant_name, assignee, created_at, created_by, protocol, received_on, due_date,
      amber_from, term_days, deadline_asof, concluded_on, handling_days, last_event_at, counter_seconds, visits,
      receipt_delivery, procedure_key, record)
      values (?, 'B885', ?, 'anagrafe', ?, ?, 'Pratica', null, 'Rossi', ?, ?, 'c', ?, ?, ?, ?, ?, ?, null, null, ?, null, 1, 'none', 'k', '{}')`);
    desk.sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) {
        const p = i % 3;
        const status = STATUSES[i % STATUSES.length] ?? 'registered';
        const received = addDays(TODAY, -(i % 120));
        const term = TERMS[p] ?? 30;
        const due = addDays(received, term);
        insert.run(
          `c${String(i).padStart(5, '0')}`,
          PROCEDURES[p],
          status,
          ['approved', 'closed'].includes(status) ? 0 : 1,
          i % 4 === 0 ? null : `clerk${i % 5}`,
          `${received}T09:00`,
          `2026/${String(i + 1).padStart(7, '0')}`,
          received,
          due,
          addDays(due, -amberDays(term)),
          term,
          TODAY,
          `${received}T09:00`,
        );
      }
    })();
    desk.sqlite.exec('ANALYZE');
  });
  afterAll(async () => desk?.close());

  const input = (patch: Partial<QueueInput>): QueueInput => queueInput.parse(patch);

  const plan = (patch: Partial<QueueInput>): string => {
    const compiled = windowQuery(queueQuery(desk.db, input(patch), TODAY, 'clerk1'), input(patch)).compile();
    return (
      desk.sqlite.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters) as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' | ');
  };

  it('reads every filtered and sorted window from an index, with no sort step', () => {
    const shapes: Partial<QueueInput>[] = [
      {},
      { procedure: 'cambio_residenza' },
      { office: 'anagrafe' },
      { assignee: 'me' },
      { assignee: 'none' },
      { status: 'suspended' },
      { colour: 'red' },
      { colour: 'amber' },
      { procedure: 'contributo_economico', status: 'registered' },
      { sort: 'created', dir: 'desc' },
      { sort: 'protocol' },
      { sort: 'procedure' },
      { offset: 3000 },
    ];
    for (const shape of shapes) {
      const detail = plan(shape);
      expect(detail, JSON.stringify(shape)).toMatch(/USING COVERING INDEX cases_/);
      expect(detail, JSON.stringify(shape)).not.toContain('TEMP B-TREE');
    }
  });

  it('filters by deadline colour exactly as the screen colours the rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -40, max: 40 }), async (shift) => {
        const today = addDays(TODAY, shift);
        const rows = await desk.db
          .selectFrom('cases')
          .select(['id', 'due_date', 'amber_from'])
          .where('is_open', '=', 1)
          .execute();
        for (const colour of ['green', 'amber', 'red'] as const) {
          const found = await queueQuery(desk.db, input({ colour }), today, 'x').select('id').execute();
          const expected = rows
            .filter((r) => colourOn(r.due_date, r.amber_from, today) === colour)
            .map((r) => r.id);
          expect(found.map((r) => r.id).sort()).toEqual(expected.sort());
        }
      }),
      { numRuns: 15 },
    );
  });
});
