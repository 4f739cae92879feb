import { useState } from 'react';
import { Button, Card, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useMutation } from 'urql';
import { useAction } from '../hooks/useAction';
import { fieldErrors } from '../api/errors';
import type { ReportKind } from '../gql/graphql';
import { RequestReport } from './documents';
import { endOfDay, startOfDay, utcDay } from './format';
import { REPORT_KINDS } from './kinds';

/** Kind and period (whole UTC days) of a new report; starting it hands back the report to follow. */
export function ReportRequestForm({ onStarted }: { onStarted: (id: string) => void }) {
  const [kind, setKind] = useState<ReportKind>('USAGE_BY_SUBSCRIBER');
  const [from, setFrom] = useState(utcDay(29));
  const [to, setTo] = useState(utcDay(0));
  const [limit, setLimit] = useState<number | string>(100);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, request] = useMutation(RequestReport);
  const { run, running } = useAction();
  const start = async () => {
    const outcome = await run(
      'Start report',
      () =>
        request({
          input: {
            kind,
            from: startOfDay(from),
            to: endOfDay(to),
            limit: kind === 'TOP_USERS' ? Number(limit) : null,
          },
        }),
      (data) => data.requestReport.errors,
      'Report started.',
    );
    setErrors(fieldErrors(outcome.fieldErrors));
    const report = outcome.data?.requestReport.report;
    if (outcome.ok && report) onStarted(report.id);
  };
  return (
    <Card withBorder padding="md">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Report"
          data={REPORT_KINDS.map(({ value, label }) => ({ value, label }))}
          value={kind}
          onChange={(value) => value && setKind(value as ReportKind)}
          allowDeselect={false}
          w={240}
        />
        <TextInput
          label="From (UTC day)"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={errors.from}
        />
        <TextInput
          label="To (UTC day, included)"
          type="date"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={errors.to}
        />
        {kind === 'TOP_USERS' && (
          <NumberInput label="How many" min={1} max={100000} value={limit} onChange={setLimit} error={errors.limit} w={120} />
        )}
        <Button onClick={() => void start()} loading={running} disabled={!from || !to}>
          Start report
        </Button>
      </Group>
    </Card>
  );
}
