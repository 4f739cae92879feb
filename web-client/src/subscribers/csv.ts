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
