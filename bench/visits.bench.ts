/**
 * `npm run bench:visits`: do appointments cut the waits at Casale's anagrafe? (issue 19)
 *
 * 20 working days with fixed inputs (seeded): 4 counters; open Monday-Friday 08:30-12:30, also
 * Tuesday and Thursday 14:30-16:30; 100 visits a day, Poisson arrivals twice as dense 9:00-11:00;
 * service mix and mean minutes (log-normal, cv 0.5): certificate 35 % × 4, self-declaration
 * 10 % × 3, electronic ID card 20 % × 20, change of residence 10 % × 15, payment 15 % × 4, permit
 * 10 % × 8; 8 % of walk-in visits fail for a missing document and come back another day, 2 % of
 * booked ones (they had the what-to-bring list). Run twice on the same citizens: walk-in only, and
 * with booking (ID card and residence always booked, the others by half of the citizens) through
 * the product's slot planner (slotsForDay on CASALE_ANAGRAFE_PLAN) and call order (nextTicket),
 * measured by the product's wait statistics (waitStats: call − arrival, every visit of the 20 days
 * at the counter, booked or not, failed trips included). Five working days run before and after
 * the 20, so bookings and return trips flow in and out of the measured days as in any month.
 * Then the hub's call-next under 50 counters calling at once (visits-call-next.ts: the hub's
 * transaction shape on SQLite, not HTTP).
 *
 * Last line exactly: `visits days=20 walkin_gt20_pct=<a> booked_gt20_pct=<b> call_next_p95_ms=<c>`.
 * Targets: booked ≤ 12.6 (ISTAT 2023, comuni under 10k) and at most half of walk-in; p95 ≤ 50 ms.
 * Knobs: BENCH_VISITS_SEED, BENCH_CALL_ROUNDS.
 */
import { CASALE_ANAGRAFE_PLAN } from '../shared/booking/slot-plan-casale';
import { timeCallNext, type CallNextTiming } from './visits-call-next';
import { buildWorld, ISSUE_MIX, runSimulation, type RunResult, type SimConfig } from './visits-sim';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const LINES = [...new Set(Object.values(CASALE_ANAGRAFE_PLAN.services).map((s) => s.line))];
const CONFIG: SimConfig = {
  seed: env('BENCH_VISITS_SEED', 19),
  plan: CASALE_ANAGRAFE_PLAN,
  firstDay: '2027-02-01',
  days: 20,
  warmupDays: 5,
  tailDays: 5,
  visitsPerDay: 100,
  mix: ISSUE_MIX,
  cv: 0.5,
  walkInFailShare: 0.08,
  bookedFailShare: 0.02,
  priorityShare: 0.03,
  alwaysBooked: ['cie', 'residence_change'],
  otherBookedShare: 0.5,
  // every counter serves every line, each starting from its own (A papers, C ID card, R residence, P payments)
  counters: LINES.map((_, i) => ({ id: String(i + 1), lines: [...LINES.slice(i), ...LINES.slice(0, i)] })),
};

const f1 = (x: number | null): string => (x === null ? '-' : x.toFixed(1));

function report(run: RunResult): void {
  const who = (label: string, r: RunResult['all']) =>
    `${label} ${r.waited} visits: wait mean ${f1(r.meanWaitMinutes)} p90 ${f1(r.p90WaitMinutes)} min, ` +
    `>20 min ${f1(r.over20Percent)} %`;
  console.log(`run ${run.mode}: ${who('all', run.all)}; service mean ${f1(run.all.meanServiceMinutes)} min`);
  if (run.mode === 'booking') {
    console.log(`  ${who('booked', run.booked)}; ${who('walk-in', run.walkIn)}`);
    console.log(
      `  appointments on average ${run.bookingDelayDays.toFixed(2)} working days after the day wanted`,
    );
  }
  const byDay = Object.entries(run.gt20ByWeekday)
    .map(([wd, pct]) => `${['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'][Number(wd)]} ${pct.toFixed(1)}`)
    .join(', ');
  console.log(
    `  >20 min by weekday (%): ${byDay}; failed trips (missing document) ${run.failedTrips}; ` +
      `counters after closing ${run.overtimeMinutesPerDay.toFixed(0)} counter-min/day`,
  );
}

async function main(): Promise<void> {
  const world = buildWorld(CONFIG);
  const plan = CASALE_ANAGRAFE_PLAN;
  console.log(
    `Casale anagrafe, ${CONFIG.days} working days from ${CONFIG.firstDay}, seed ${CONFIG.seed}: ` +
      `${plan.counters} counters, ${CONFIG.visitsPerDay} visits/day wanted; plan: ${plan.walkInPercent} % of counter time kept for walk-ins, ` +
      `slots ${Object.entries(plan.services)
        .map(([k, s]) => `${k} ${s.slotMinutes}′`)
        .join(', ')}`,
  );
  const walkIn = runSimulation(CONFIG, world, 'walk_in');
  report(walkIn);
  const booking = runSimulation(CONFIG, world, 'booking');
  report(booking);
  // the planner's one knob: how the share kept for walk-ins moves the figure (same citizens)
  const reserve = [10, 30, 40].map((walkInPercent) => {
    const config = { ...CONFIG, plan: { ...plan, walkInPercent } };
    const run = runSimulation(config, world, 'booking');
    return `${walkInPercent} % → ${f1(run.all.over20Percent)} % (${run.bookingDelayDays.toFixed(2)} days later)`;
  });
  console.log(
    `  walk-in reserve ${plan.walkInPercent} % (the plan's) → ${f1(booking.all.over20Percent)} %; other reserves: ${reserve.join(', ')}`,
  );

  const counters = 50;
  const calls = await timeCallNext({
    counters,
    rounds: env('BENCH_CALL_ROUNDS', 100),
    waiting: 400,
    history: 200_000,
    checks: 1000,
  });
  const timing = (label: string, t: CallNextTiming) =>
    `${label}: ${t.calls} calls, p50 ${t.p50.toFixed(2)} p95 ${t.p95.toFixed(2)} p99 ${t.p99.toFixed(2)} ms ` +
    `(one call alone ${t.aloneP50.toFixed(2)} ms; CPU ${t.cpuPerCall.toFixed(2)} ms per call), ` +
    `called twice ${t.duplicates}, empty ${t.emptyAnswers}`;
  console.log(
    `call-next, ${counters} counters calling at once, 400 tickets waiting: the hub's transaction shape on one ` +
      `SQLite connection (BEGIN IMMEDIATE, select, nextTicket, update; not HTTP)`,
  );
  console.log(`  ${timing('selecting the whole room', calls.room)}`);
  console.log(`  ${timing('selecting the head of each tier', calls.candidates)}`);
  console.log(`  the two selections chose the same ticket in ${calls.agreed} of ${calls.checks} calls`);
  const p95 = calls.candidates.p95;
  const a = walkIn.all.over20Percent ?? NaN;
  const b = booking.all.over20Percent ?? NaN;
  const targets = [
    b <= 12.6 ? 'booked ≤ 12.6 ok' : 'booked > 12.6 MISSED',
    b <= a / 2 ? 'booked ≤ half of walk-in ok' : 'booked > half of walk-in MISSED',
    p95 <= 50 ? 'call-next p95 ≤ 50 ms ok' : 'call-next p95 > 50 ms MISSED',
  ];
  console.log(`targets: ${targets.join('; ')}`);
  if (calls.room.duplicates + calls.candidates.duplicates > 0) throw new Error('a ticket was called twice');
  if (calls.agreed !== calls.checks) throw new Error('the candidate selection chose another ticket');
  console.log(
    `visits days=${CONFIG.days} walkin_gt20_pct=${a.toFixed(1)} booked_gt20_pct=${b.toFixed(1)} call_next_p95_ms=${p95.toFixed(2)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
