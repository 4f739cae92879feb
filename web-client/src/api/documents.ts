// The exact text of every document the app sends (ADR 0147): the persisted-documents manifest codegen writes, by
// operation name (codegen refuses two operations of one name). The platform in trusted-documents mode runs only
// these texts, so requests carry them instead of urql's own printing of the document.
//
// The manifest (every document's text, ~32 KB) is its own chunk, fetched as this module loads: it arrives while the
// app reads its sign-in settings, so it is not part of the first screen's script and delays no request.
const byName: Promise<Map<string, string>> = import('../gql/persisted-documents.json').then(({ default: manifest }) => {
  const names = new Map<string, string>();
  for (const text of Object.values(manifest as Record<string, string>)) {
    const name = /^(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1];
    if (name) names.set(name, text);
  }
  return names;
});

/** The manifest's text of the named operation; the given text when the manifest does not have it. */
export async function trustedText(operationName: string | null | undefined, query: string): Promise<string> {
  return (operationName && (await byName).get(operationName)) ?? query;
}

/** A fetch that sends each GraphQL request with its document's manifest text. */
export const trustedFetch: typeof fetch = async (input, init) => {
  if (init && typeof init.body === 'string') {
    const body = JSON.parse(init.body) as { operationName?: string; query?: string };
    if (body.query) {
      body.query = await trustedText(body.operationName, body.query);
      return fetch(input, { ...init, body: JSON.stringify(body) });
    }
  }
  return fetch(input, init);
};
