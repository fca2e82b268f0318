import { useEffect, useState, type FormEvent } from 'react';
import {
  BURDEN_METRICS,
  baselineOf,
  burdenVerdict,
  metricOf,
  targetOf,
  type BurdenMetric,
} from '../../../shared/cases/burden';
import type { BurdenMonth } from '../../../shared/cases/case-wire';
import type { BurdenView } from '../../../shared/contract/case-views';
import type { ErrorData } from '../../../shared/errors/app-error';
import { api } from '../api/client';
import { useT } from '../i18n/useT';
import { WaitBurden } from './WaitBurden';

const W = 720;
const H = 240;
const PAD = { left: 44, right: 110, top: 14, bottom: 30 };

const fmt = (n: number): string => (Math.round(n * 10) / 10).toString().replace('.', ',');

/** The metric per month against the baseline and the -25% target line (SVG, no chart library). */
export function BurdenChart(props: {
  rows: BurdenMonth[];
  metric: BurdenMetric;
  baseline: number | null;
  labels: { actual: string; baseline: string; target: string };
}) {
  const values = props.rows.map((r) => metricOf(r, props.metric));
  const target = targetOf(props.baseline);
  const top = Math.max(1, ...values.map((v) => v ?? 0), props.baseline ?? 0) * 1.15;
  const x = (i: number) =>
    PAD.left + (props.rows.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (props.rows.length - 1));
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  const points = values
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const ticks = [0, top / 2, top];
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="burden-chart"
      role="img"
      aria-label={props.labels.actual}
      data-testid="burden-chart"
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={PAD.left - 6} y={y(v) + 4} className="axis" textAnchor="end">
            {fmt(v)}
          </text>
        </g>
      ))}
      {props.rows.map((r, i) => (
        <text key={r.month} x={x(i)} y={H - 8} className="axis" textAnchor="middle">
          {r.month.slice(5)}/{r.month.slice(2, 4)}
        </text>
      ))}
      {props.baseline !== null && (
        <g data-testid="burden-baseline">
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(props.baseline)}
            y2={y(props.baseline)}
            className="baseline"
          />
          <text x={W - PAD.right + 6} y={y(props.baseline) + 4} className="legend">
            {props.labels.baseline} {fmt(props.baseline)}
          </text>
        </g>
      )}
      {target !== null && (
        <g data-testid="burden-target">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(target)} y2={y(target)} className="target" />
          <text x={W - PAD.right + 6} y={y(target) + 4} className="legend legend-target">
            {props.labels.target} {fmt(target)}
          </text>
        </g>
      )}
      {points.length > 1 && <polyline points={points.join(' ')} className="actual" />}
      {values.map((v, i) =>
        v === null ? null : (
          <circle key={i} cx={x(i)} cy={y(v)} r={3.5} className="actual-dot">
            <title>{`${props.rows[i]?.month ?? ''}: ${fmt(v)}`}</title>
          </circle>
        ),
      )}
    </svg>
  );
}

/** Pages printed against documents handed over as files, month by month. */
function PaperChart(props: { rows: BurdenMonth[]; printed: string; digital: string }) {
  const top = Math.max(1, ...props.rows.map((r) => Math.max(r.printedPages, r.digitalDocuments))) * 1.1;
  const slot = (W - PAD.left - PAD.right) / Math.max(1, props.rows.length);
  const bar = Math.max(3, slot / 3);
  const h = (v: number) => ((H - PAD.top - PAD.bottom) * v) / top;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="burden-chart"
      role="img"
      aria-label={props.printed}
      data-testid="paper-chart"
    >
      {[0, Math.round(top / 2), Math.floor(top)].map((v) => (
        <g key={v}>
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={H - PAD.bottom - h(v)}
            y2={H - PAD.bottom - h(v)}
            className="grid"
          />
          <text x={PAD.left - 6} y={H - PAD.bottom - h(v) + 4} className="axis" textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      {props.rows.map((r, i) => {
        const x0 = PAD.left + i * slot + slot / 2 - bar;
        return (
          <g key={r.month}>
            <rect
              x={x0}
              y={H - PAD.bottom - h(r.printedPages)}
              width={bar}
              height={h(r.printedPages)}
              className="bar-printed"
            >
              <title>{`${r.month}: ${r.printedPages} ${props.printed}`}</title>
            </rect>
            <rect
              x={x0 + bar}
              y={H - PAD.bottom - h(r.digitalDocuments)}
              width={bar}
              height={h(r.digitalDocuments)}
              className="bar-digital"
            >
              <title>{`${r.month}: ${r.digitalDocuments} ${props.digital}`}</title>
            </rect>
            <text x={x0 + bar} y={H - 8} className="axis" textAnchor="middle">
              {r.month.slice(5)}/{r.month.slice(2, 4)}
            </text>
          </g>
        );
      })}
      <rect x={W - PAD.right + 6} y={PAD.top} width={10} height={10} className="bar-printed" />
      <text x={W - PAD.right + 20} y={PAD.top + 9} className="legend">
        {props.printed}
      </text>
      <rect x={W - PAD.right + 6} y={PAD.top + 18} width={10} height={10} className="bar-digital" />
      <text x={W - PAD.right + 20} y={PAD.top + 27} className="legend">
        {props.digital}
      </text>
    </svg>
  );
}

/** The burden meter (the project's founding aim): per procedure and month, against the baseline. */
export function BurdenMeter(props: { supervisor: boolean; onError: (e: ErrorData) => void }) {
  const { t, locale } = useT();
  const { onError } = props;
  const [data, setData] = useState<BurdenView | null>(null);
  const [problem, setProblem] = useState<ErrorData | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [metric, setMetric] = useState<BurdenMetric>('counterMinutes');
  const [form, setForm] = useState({ minutes: '', visits: '', pages: '' });

  useEffect(() => {
    void api.cases.burden({ months: 12 }).then((res) => {
      if (res.ok) return setData(res.value);
      if (res.error.code === 'session_expired' || res.error.code === 'not_logged_in') onError(res.error);
      setProblem(res.error);
    });
  }, [onError]);

  if (problem && !data)
    return (
      <div className="alert alert-warning" data-testid="burden-unavailable">
        {t('caseBurdenNoHub')} <span className="muted small">({problem.message})</span>
      </div>
    );
  if (!data) return <p className="muted">{t('loading')}</p>;
  const series = data.series.find((s) => s.code === code) ?? data.series[0];
  if (!series) return null;
  const baseline = baselineOf(series.baseline, metric);
  const verdict = burdenVerdict(series.rows, metric, series.baseline);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const number = (s: string) => Number(s.replace(',', '.'));
    void api.cases
      .setBaseline({
        code: series.code,
        counterSeconds: Math.round(number(form.minutes) * 60),
        visitsX100: Math.round(number(form.visits) * 100),
        printedPagesX100: Math.round(number(form.pages) * 100),
      })
      .then((res) => {
        if (!res.ok) return setProblem(res.error);
        setProblem(null);
        setData(res.value);
      });
  };

  return (
    <div className="burden" data-testid="burden">
      <p className="muted">{t('caseBurdenIntro')}</p>
      <div className="queue-filters">
        <label className="field">
          <span>{t('caseProcedure')}</span>
          <select value={series.code} onChange={(e) => setCode(e.target.value)} data-testid="burden-series">
            {data.series.map((s) => (
              <option key={s.code} value={s.code}>
                {data.titles[s.code]?.[locale] ?? s.code}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('caseBurdenMetric')}</span>
          <select
            value={metric}
            onChange={(e) => setMetric(e.target.value as BurdenMetric)}
            data-testid="burden-metric"
          >
            {BURDEN_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`caseBurdenMetric_${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="card">
        <h3>
          {t(`caseBurdenMetric_${metric}`)} — {data.titles[series.code]?.[locale] ?? series.code}
        </h3>
        <BurdenChart
          rows={series.rows}
          metric={metric}
          baseline={baseline}
          labels={{
            actual: t('caseBurdenActual'),
            baseline: t('caseBurdenBaseline'),
            target: t('caseBurdenTarget'),
          }}
        />
        <p data-testid="burden-verdict" className={`verdict verdict-${verdict.verdict}`}>
          {t(`caseBurdenVerdict_${verdict.verdict}`)}
          {verdict.recent !== null && ` · ${t('caseBurdenActual')} ${fmt(verdict.recent)}`}
          {verdict.target !== null && ` · ${t('caseBurdenTarget')} ${fmt(verdict.target)}`}
        </p>
      </div>
      <div className="card">
        <h3>{t('caseBurdenPrintedVsDigital')}</h3>
        <PaperChart rows={series.rows} printed={t('caseBurdenPrinted')} digital={t('caseBurdenDigital')} />
      </div>
      {props.supervisor && <WaitBurden />}
      {props.supervisor && (
        <form className="card baseline-form" onSubmit={save} data-testid="baseline-form">
          <h3>{t('caseBurdenSetBaseline')}</h3>
          <label className="field">
            <span>{t('caseBurdenMinutes')}</span>
            <input
              inputMode="decimal"
              value={form.minutes}
              onChange={(e) => setForm({ ...form, minutes: e.target.value })}
              data-testid="baseline-minutes"
            />
          </label>
          <label className="field">
            <span>{t('caseBurdenVisits')}</span>
            <input
              inputMode="decimal"
              value={form.visits}
              onChange={(e) => setForm({ ...form, visits: e.target.value })}
              data-testid="baseline-visits"
            />
          </label>
          <label className="field">
            <span>{t('caseBurdenPages')}</span>
            <input
              inputMode="decimal"
              value={form.pages}
              onChange={(e) => setForm({ ...form, pages: e.target.value })}
              data-testid="baseline-pages"
            />
          </label>
          <button type="submit" className="btn btn-primary" data-testid="baseline-save">
            {t('caseBurdenSave')}
          </button>
          {problem && <div className="alert alert-error">{problem.message}</div>}
        </form>
      )}
    </div>
  );
}
