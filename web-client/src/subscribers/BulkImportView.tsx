import { useState } from 'react';
import { Alert, Button, Card, FileButton, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation } from 'urql';
import { Page } from '../components/Page';
import { OperationProgress } from '../operations/OperationProgress';
import { useAction } from '../hooks/useAction';
import { useDraft } from '../hooks/useDraft';
import { Can } from '../auth/Me';
import { CSV_HEADER, csvProblem, failedRowsCsv, parseCsv } from './csv';
import { ImportCsv } from './documents';
import type { ImportSubscribersCsvMutation } from '../gql/graphql';

const PREVIEW_ROWS = 10;

type Result = ImportSubscribersCsvMutation['importSubscribersCsv'];

export default function BulkImportView() {
  const [draft, update, clear] = useDraft('subscriber-csv', { csv: '' });
  const [result, setResult] = useState<{ payload: Result; csv: string } | null>(null);
  const [, importCsv] = useMutation(ImportCsv);
  const { run, running } = useAction();
  const records = parseCsv(draft.csv);
  const header = records[0]?.fields ?? [];
  const rows = records.slice(1);
  const problem = csvProblem(draft.csv);

  const submit = async () => {
    const csv = draft.csv;
    const outcome = await run(
      'Import subscribers',
      () => importCsv({ input: { csv } }),
      (data) => data.importSubscribersCsv.errors,
      'Rows accepted; their secrets are on the way to the routers.',
    );
    if (outcome.data) {
      setResult({ payload: outcome.data.importSubscribersCsv, csv });
      if (outcome.ok) clear();
    }
  };
  const downloadFailed = () => {
    if (!result) return;
    const text = failedRowsCsv(result.csv, result.payload.rejected.map((row) => row.row));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.download = 'failed-rows.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Page title="Import subscribers from CSV">
      <Can capability="operate">
        <Text size="sm" c="dimmed">
          Header: <code>{CSV_HEADER}</code> (plan and router by name, up to 10,000 rows). Bad rows are listed and never
          stop the others.
        </Text>
        <Group>
          <FileButton accept=".csv,text/csv" onChange={(file) => void file?.text().then((csv) => update({ csv }))}>
            {(props) => (
              <Button variant="default" {...props}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            or paste it below
          </Text>
        </Group>
        <Textarea
          label="CSV"
          autosize
          minRows={4}
          maxRows={12}
          value={draft.csv}
          onChange={(event) => update({ csv: event.currentTarget.value })}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {problem && (
          <Alert color="red" role="alert" title="This is not valid CSV yet">
            {problem}
          </Alert>
        )}
        {rows.length > 0 && !problem && (
          <Card withBorder>
            <Text size="sm" fw={500} mb="xs">
              Preview: {rows.length} row{rows.length === 1 ? '' : 's'}
              {rows.length > PREVIEW_ROWS ? ` (first ${PREVIEW_ROWS} shown)` : ''}
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table fz="xs" aria-label="Preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    {header.map((name, index) => (
                      <Table.Th key={index}>{name}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, PREVIEW_ROWS).map((record) => (
                    <Table.Tr key={record.line}>
                      <Table.Td>{record.line}</Table.Td>
                      {header.map((name, index) => (
                        <Table.Td key={index}>{name === 'password' && record.fields[index] ? '••••' : record.fields[index]}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
        <Group>
          <Button onClick={() => void submit()} loading={running} disabled={rows.length === 0 || problem !== null}>
            Import {rows.length || ''} row{rows.length === 1 ? '' : 's'}
          </Button>
        </Group>
      </Can>
      {result && (
        <Stack>
          {result.payload.errors.map((error, index) => (
            <Alert key={index} color="red" role="alert" title="The file was refused">
              {error.message}
            </Alert>
          ))}
          {result.payload.errors.length === 0 && (
            <Alert color={result.payload.rejected.length ? 'orange' : 'green'} role="status" title="Rows checked">
              {result.payload.accepted} accepted, {result.payload.rejected.length} refused.
            </Alert>
          )}
          {result.payload.operations.map((operation) => (
            <OperationProgress key={operation.id} id={operation.id} label="Sending to the router" />
          ))}
          {result.payload.rejected.length > 0 && (
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Text fw={500}>Refused rows</Text>
                <Button size="xs" variant="light" onClick={downloadFailed}>
                  Download the refused rows
                </Button>
              </Group>
              <Table fz="sm" aria-label="Refused rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.payload.rejected.map((row) => (
                    <Table.Tr key={row.row} data-testid="rejected-row">
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td>{row.key}</Table.Td>
                      <Table.Td>{row.errors.map((error) => `${error.field ? `${error.field}: ` : ''}${error.message}`).join('; ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
        </Stack>
      )}
    </Page>
  );
}
