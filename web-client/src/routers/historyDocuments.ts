import { graphql } from '../gql';

export const RouterHistoryQuery = graphql(`
  query RouterHistory(
    $id: ID!
    $from: DateTime!
    $to: DateTime!
    $granularity: HealthGranularity
    $usageGranularity: UsageGranularity
  ) {
    router(id: $id) {
      id
      healthHistory(from: $from, to: $to, granularity: $granularity) {
        at
        samples
        reachableSamples
        cpuLoad
        cpuLoadMax
        freeMemoryPerMille
        uptimeSeconds
      }
      onlineHistory(from: $from, to: $to, granularity: $granularity) {
        at
        online
        onlineMax
      }
      throughputHistory(from: $from, to: $to, granularity: $usageGranularity) {
        at
        rxBitsPerSecond
        txBitsPerSecond
      }
    }
  }
`);
