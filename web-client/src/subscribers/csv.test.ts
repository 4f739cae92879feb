import { csvProblem, failedRowsCsv, parseCsv } from './csv';

describe('CSV', () => {
  it('numbers records by the physical line they start on, as the server does', () => {
    const text = 'username,notes\r\nalice,"two\nlines"\nbob,x\n';
    const records = parseCsv(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]!.fields).toEqual(['alice', 'two\nlines']);
  });

  it('reads quoted commas and doubled quotes and drops a byte-order mark', () => {
    const records = parseCsv('\uFEFFa,b\n"x, y","say ""hi"""\n');
    expect(records[0]!.fields).toEqual(['a', 'b']);
    expect(records[1]!.fields).toEqual(['x, y', 'say "hi"']);
  });

  it('cuts out exactly the refused rows with the header, unchanged', () => {
    const text = 'username,plan\nalice,Gold\nbob,Nope\ncarol,"Sil\nver"\ndave,Gold\n';
    expect(failedRowsCsv(text, [3, 4])).toBe('username,plan\nbob,Nope\ncarol,"Sil\nver"\n');
  });

  it('names the line the server will refuse, as the server does', () => {
    expect(csvProblem('username,plan\nalice,Walk "50/10"\n')).toBe(
      'Line 2: a quote inside an unquoted field; quote the whole field and write the quote as ""',
    );
    expect(csvProblem('username,notes\r\nbob,"two\nlines" x\n')).toMatch(/^Line 3: a character follows the closing quote/);
    expect(csvProblem('username,notes\nalice,x\ncarol,"never\nclosed\n')).toBe(
      'Line 3: a quoted field is never closed (it runs to the end of the file)',
    );
  });

  it('finds nothing wrong with well-formed CSV', () => {
    expect(csvProblem('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",""\n')).toBeNull();
  });
});
