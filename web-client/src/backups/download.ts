import { accessToken } from '../auth/session';

/** Fetches a backup with the caller's bearer token (the download path is not public) and saves it as a file. */
export async function downloadBackup(path: string, fileName: string): Promise<void> {
  const token = accessToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    throw new Error(`The download was refused (${response.status})`);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // the click has handed the blob to the browser's download by now
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
