// One cell of the command log's CSV export (RFC 4180), with the same formula rule as the server's exports
// (platform-api CsvCells, ADR 0145): the log holds text from routers and imported secrets, and a cell a spreadsheet
// would run as a formula (starting with =, @, tab or carriage return, or + or - unless it is a phone number) gets an
// apostrophe in front.
const PHONE = /^[+-][0-9 ()./-]*$/;

function runsAsFormula(text: string): boolean {
  const first = text.charAt(0);
  if (first === '+' || first === '-') return !PHONE.test(text);
  return first === '=' || first === '@' || first === '\t' || first === '\r';
}

export function csvCell(value: string | number | null | undefined): string {
  const raw = value == null ? '' : String(value);
  const text = typeof value === 'string' && runsAsFormula(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
