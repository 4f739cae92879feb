import { act, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { Provider, type Client, type GraphQLRequest, type OperationContext } from 'urql';
import { fromValue, makeSubject, never } from 'wonka';
import ReportsView from './ReportsView';

// the list's poll is left out: what is tested is that the list learns of the finish without it
vi.mock('../hooks/useInterval', () => ({ useInterval: () => undefined }));

const REPORT = '5f4e3d2c-1b0a-4987-a6b5-c4d3e2f1a0b9';

const running = {
  __typename: 'Report',
  id: REPORT,
  kind: 'USAGE_BY_SUBSCRIBER',
  title: 'Usage by subscriber',
  from: '2026-10-29',
  to: '2026-11-27',
  limit: null,
  status: 'RUNNING',
  rowsDone: 0,
  rowsTotal: 3,
  failure: null,
  requestedBy: 'ops',
  requestedAt: '2026-11-27T22:28:54Z',
  finishedAt: null,
  expiresAt: '2026-12-04T22:28:54Z',
};
const succeeded = { ...running, status: 'SUCCEEDED', rowsDone: 3, finishedAt: '2026-11-27T22:28:56Z' };
const details = { totals: [], chartSeries: [], chart: [], files: [] };

function operationName(request: GraphQLRequest): string {
  const definition = request.query.definitions[0];
  return definition && 'name' in definition ? (definition.name?.value ?? '') : '';
}

/** The server: the report runs until `finish()`, which the progress subscription tells; every read after says so. */
function server() {
  let done = false;
  const reads: string[] = [];
  const progress = makeSubject<unknown>();
  const client = {
    executeQuery(request: GraphQLRequest, context?: Partial<OperationContext>) {
      reads.push(`${operationName(request)}:${context?.requestPolicy ?? ''}`);
      const report = done ? succeeded : running;
      const data = operationName(request) === 'Reports' ? { reports: [report] } : { report: { ...report, ...details } };
      return fromValue({ data, stale: false, hasNext: false });
    },
    executeSubscription: () => progress.source,
    executeMutation: () => never,
  } as unknown as Client;
  const finish = () => {
    done = true;
    const reportProgress = { __typename: 'ReportProgress', id: REPORT, status: 'SUCCEEDED', rowsDone: 3, rowsTotal: 3, failure: null };
    act(() => progress.next({ data: { reportProgress }, stale: false, hasNext: true }));
  };
  return { client, reads, finish };
}

function renderAt(client: Client) {
  render(
    <MantineProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={[`/reports?report=${REPORT}`]}>
          <ReportsView />
        </MemoryRouter>
      </Provider>
    </MantineProvider>,
  );
}

describe('ReportsView', () => {
  it('shows the finished report as finished in the past reports as soon as it finishes', async () => {
    const { client, finish } = server();
    renderAt(client);
    const past = await screen.findByRole('table', { name: 'Past reports' });
    expect(within(past).getByText('running')).toBeInTheDocument();

    finish();

    expect(screen.getByTestId('report-panel')).toHaveAttribute('data-status', 'SUCCEEDED');
    const row = within(past).getByRole('row', { name: /Usage by subscriber/ });
    expect(await within(row).findByText('succeeded')).toBeInTheDocument();
    expect(within(row).queryByText('running')).toBeNull();
  });

  it('reads the list once while the report runs', async () => {
    const { client, reads } = server();
    renderAt(client);

    const past = await screen.findByRole('table', { name: 'Past reports' });
    expect(within(past).getByText('running')).toBeInTheDocument();
    expect(reads.filter((read) => read.startsWith('Reports:'))).toHaveLength(1);
  });
});
