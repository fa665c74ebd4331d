import { useSummary } from '../hooks/use-summary.ts';

/** The run's headline figures. */
export function SummaryCards() {
  const cards = useSummary();
  return (
    <section className="summary" aria-label="Run summary">
      {cards.map((card) => (
        <div
          key={card.id}
          className={`card card-${card.tone}`}
          data-testid={`summary-${card.id}`}
          {...(card.raw === null ? {} : { 'data-value': card.raw })}
        >
          <div className="card-label">{card.label}</div>
          <div className="card-value" data-testid={`summary-${card.id}-value`}>
            {card.value}
          </div>
          <div className="card-detail">{card.detail || '\u00a0'}</div>
        </div>
      ))}
    </section>
  );
}
