/** Groups an integer's digits in threes with commas, without relying on the host's locale data. */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  const digits = Math.abs(rounded).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${grouped}` : grouped;
}

/** Money with cents (`$1,234.56`, or `1,234.56 EUR` for other currencies); `<$0.01` for a tiny non-zero amount. */
export function formatMoney(amount: number, currency: string): string {
  const tiny = amount > 0 && amount < 0.005;
  const cents = Math.round((tiny ? 0.01 : amount) * 100);
  const whole = formatCount(Math.trunc(cents / 100));
  const text = `${whole}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  const money = currency === 'USD' ? `$${text}` : `${text} ${currency}`;
  return tiny ? `<${money}` : money;
}

/** A request count in millions or billions when large (`708.5M`, `1.2B`), else grouped digits. */
export function formatRequests(value: number): string {
  if (value >= 1e9) return `${Number((value / 1e9).toFixed(2))}B`;
  if (value >= 1e6) return `${Number((value / 1e6).toFixed(1))}M`;
  return formatCount(value);
}
