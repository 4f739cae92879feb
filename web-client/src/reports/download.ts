import { accessToken } from '../auth/session';

/**
 * Downloads a report file with the bearer token (a plain link cannot send it) and hands it to the browser as a file.
 * The report was generated on the server; the browser only receives the finished file.
 */
export async function downloadReportFile(path: string, fileName: string): Promise<void> {
  const token = accessToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    let code = `HTTP_${response.status}`;
    try {
      code = ((await response.json()) as { code?: string }).code ?? code;
    } catch {
      // not a coded refusal
    }
    throw new Error(code);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
