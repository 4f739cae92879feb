import { Tabs } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../components/Page';
import { urls } from '../urls';
import { ChannelsPanel } from './ChannelsPanel';
import { PlanOverridesPanel } from './PlanOverridesPanel';
import { PolicyEditor } from './PolicyEditor';
import { TemplatesPanel } from './TemplatesPanel';

const TABS = ['policy', 'plans', 'templates', 'channels'] as const;

/** Lifecycle settings: the policy, plans that differ from it, the texts sent, and the channels they travel on (one tab each, deep-linkable). */
export default function LifecycleSettingsView() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = TABS.find((name) => name === tab) ?? 'policy';
  return (
    <Page title="Lifecycle & notices">
      <Tabs value={current} onChange={(value) => value && navigate(urls.lifecycleSettings(value), { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="policy">Policy</Tabs.Tab>
          <Tabs.Tab value="plans">Plan overrides</Tabs.Tab>
          <Tabs.Tab value="templates">Templates</Tabs.Tab>
          <Tabs.Tab value="channels">Channels</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="policy" pt="md">
          <PolicyEditor />
        </Tabs.Panel>
        <Tabs.Panel value="plans" pt="md">
          <PlanOverridesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="channels" pt="md">
          <ChannelsPanel />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
