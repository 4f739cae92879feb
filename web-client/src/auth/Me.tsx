import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { can, type Capability } from './roles';
import { QueryState } from '../components/QueryState';

const MeQuery = graphql(`
  query Me {
    me {
      subject
      tenant
      roles
    }
  }
`);

export interface Me {
  subject: string;
  tenant: string;
  roles: Role[];
}

const MeContext = createContext<Me>({ subject: '', tenant: '', roles: [] });

export function MeProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  if (!result.data) {
    return <QueryState fetching={result.fetching} error={result.error} onRetry={() => reexecute()} />;
  }
  return <MeContext.Provider value={result.data.me}>{children}</MeContext.Provider>;
}

export function useMe(): Me {
  return useContext(MeContext);
}

export function useCan(capability: Capability): boolean {
  return can(useMe().roles, capability);
}

/** Renders its children only for roles with the capability: a viewer never sees a button it cannot use. */
export function Can({ capability, children }: { capability: Capability; children: ReactNode }) {
  return useCan(capability) ? children : null;
}
