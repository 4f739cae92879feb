import { useReducer } from 'react';
import { Stack, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Page } from '../components/Page';
import { PastReports } from './PastReports';
import { ReportPanel } from './ReportPanel';
import { ReportRequestForm } from './ReportRequestForm';
import { idOf } from '../hooks/urlValues';

/**
 * Reports: pick a kind and a period, start it, follow its progress, then see its totals and chart and download it as
 * CSV or PDF. The report is generated on the server; the selected one is in the address (`?report=`), so a reload keeps it.
 */
export default function ReportsView() {
  const [params, setParams] = useSearchParams();
  const selected = idOf(params.get('report'));
  const select = (id: string) => setParams({ report: id });
  // bumped when the open report finishes: the past reports re-read then, not at their next poll
  const [finished, reportFinished] = useReducer((count: number) => count + 1, 0);
  return (
    <Page title="Reports">
      <ReportRequestForm onStarted={select} />
      {selected && <ReportPanel key={selected} id={selected} onFinished={reportFinished} />}
      <Stack gap="xs">
        <Title order={3}>Past reports</Title>
        <PastReports selected={selected} onSelect={select} finished={finished} />
      </Stack>
    </Page>
  );
}
