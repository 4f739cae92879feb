// The CSV the server imports (RFC 4180), read here only for the preview and to cut out the failed rows: each record
// keeps its raw text and the physical line it starts on, the numbering the server uses in `rejected.row`.

export const CSV_HEADER = 'username,password,plan,router,fullName,email,phone,address,expiresOn,notes';

export interface CsvRecord {
  /** Physical line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
  raw: string;
}

export function parseCsv(text: string): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let startIndex = 0;
  const endRecord = (end: number) => {
    fields.push(field);
    const raw = source.slice(startIndex, end).replace(/\r$/, '');
    if (!(fields.length === 1 && fields[0] === '')) {
      records.push({ line: startLine, fields, raw });
    }
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      endRecord(i);
      line++;
      startLine = line;
      startIndex = i + 1;
    } else if (ch !== '\r') {
      field += ch;
    }
  }
  if (startIndex < source.length) {
    endRecord(source.length);
  }
  return records;
}

/** The header plus the records the server refused, ready to fix and upload again. */
export function failedRowsCsv(text: string, rejectedLines: readonly number[]): string {
  const records = parseCsv(text);
  const wanted = new Set(rejectedLines);
  const header = records[0]?.raw ?? CSV_HEADER;
  return [header, ...records.filter((record) => wanted.has(record.line)).map((record) => record.raw)].join('\n') + '\n';
}

/**
 * Why the server will refuse the whole file as CSV, with the line it will name, or null: the same three rules as the
 * server's reader, so the preview never shows rows the server will not read (a quote in the middle of a field was
 * previewed as if it were not there).
 */
export function csvProblem(text: string): string | null {
  const source = text.replace(/^\uFEFF/, '');
  let line = 1;
  let quoteLine = 0;
  let quoted = false;
  let closed = false;
  let fieldLength = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        i++;
      } else if (ch === '"') {
        quoted = false;
        closed = true;
      } else if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) {
        line++;
      }
      fieldLength++;
    } else if (ch === ',') {
      fieldLength = 0;
      closed = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      fieldLength = 0;
      closed = false;
      line++;
    } else if (closed) {
      return `Line ${line}: a character follows the closing quote of a field; put the quote around the whole field and write a quote inside it as ""`;
    } else if (ch === '"') {
      if (fieldLength > 0) {
        return `Line ${line}: a quote inside an unquoted field; quote the whole field and write the quote as ""`;
      }
      quoted = true;
      quoteLine = line;
    } else {
      fieldLength++;
    }
  }
  return quoted ? `Line ${quoteLine}: a quoted field is never closed (it runs to the end of the file)` : null;
}
