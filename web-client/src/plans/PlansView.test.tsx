import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { answering, renderWithClient } from '../test/withClient';
import PlansView from './PlansView';

const plan = {
  __typename: 'Plan',
  id: 'p1',
  name: 'Home 30',
  profileName: 'home-30',
  downloadRate: 30_000_000,
  uploadRate: 10_000_000,
  // RouterOS's order: upload/download, the order staff misread
  rateLimit: '10M/30M',
  gracePlan: null,
};

function list(...plans: object[]) {
  return { plans: { __typename: 'PlanConnection', edges: plans.map((node) => ({ __typename: 'PlanEdge', node })), pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } } };
}

describe('PlansView', () => {
  it('says which rate is the download and which the upload', async () => {
    renderWithClient(answering(list(plan, { ...plan, id: 'p2', name: 'Slow', downloadRate: 512_000, uploadRate: 1_500_000 })), <MemoryRouter><PlansView /></MemoryRouter>);
    const home = (await screen.findByText('Home 30')).closest('tr')!;
    expect(within(home).getByText('↓30M ↑10M')).toBeInTheDocument();
    expect(within(home).queryByText('10M/30M')).not.toBeInTheDocument();
    const slow = screen.getByText('Slow').closest('tr')!;
    expect(within(slow).getByText('↓512k ↑1500k')).toBeInTheDocument();
  });
});
