import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/**
 * A horizontal bar chart in plain HTML: each bar is a list item that reads "Södermalm: 4" in a
 * screen reader, and the same numbers are offered as a table. Bars have a text value beside them,
 * so colour is never the only carrier of meaning.
 */
export function BarChart({ title, description, bars, unit }: { title: string; description?: string; bars: Bar[]; unit: string }) {
  const { t, number } = useI18n();
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const headingId = `${id}-title`;
  return (
    <section className="chart card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {description && <p className="muted">{description}</p>}
      {bars.length === 0 ? (
        <p>{t('overview.noData')}</p>
      ) : (
        <>
          <ul className="bar-chart" aria-label={title}>
            {bars.map((bar) => (
              <li key={bar.key} className="bar-row">
                <span className="bar-label">{bar.label}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ inlineSize: `${(bar.value / max) * 100}%` }} />
                </span>
                <span className="bar-value">
                  <span className="visually-hidden">: </span>
                  {number(bar.value)}
                </span>
              </li>
            ))}
          </ul>
          <details className="chart-table">
            <summary>{t('overview.showTable', { title })}</summary>
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.category')}</th>
                    <th scope="col" className="numeric">
                      {unit}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((bar) => (
                    <tr key={bar.key}>
                      <th scope="row">{bar.label}</th>
                      <td className="numeric">{number(bar.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
