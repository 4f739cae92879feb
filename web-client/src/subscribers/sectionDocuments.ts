import { graphql } from '../gql';

// The subscriber page's live and history sections (the record itself and its actions: documents.ts).

export const SubscriberTrafficFeed = graphql(`
  subscription SubscriberTrafficFeed($subscriberId: ID!) {
    subscriberTraffic(subscriberId: $subscriberId) {
      __typename
      ... on TrafficSample {
        at
        rxBitsPerSecond
        txBitsPerSecond
      }
      ... on TrafficInterruption {
        code
        message
        retryAt
      }
    }
  }
`);

export const SubscriberSessionQuery = graphql(`
  query SubscriberSessionNow($id: ID!) {
    subscriber(id: $id) {
      id
      session {
        id
        address
        callerId
        loginAt
        counters {
          rxBytes
          txBytes
        }
        countersAt
        countersEvery
        router {
          id
          name
        }
      }
    }
  }
`);

export const SubscriberUsageQuery = graphql(`
  query SubscriberUsage($id: ID!, $from: DateTime!, $to: DateTime!, $granularity: UsageGranularity, $first: Int) {
    subscriber(id: $id) {
      id
      usage(from: $from, to: $to, granularity: $granularity, first: $first) {
        total {
          rxBytes
          txBytes
        }
        points {
          start
          counters {
            rxBytes
            txBytes
          }
        }
        hasMore
      }
    }
  }
`);

export const SubscriberSessionsQuery = graphql(`
  query SubscriberSessionHistory($id: ID!) {
    subscriber(id: $id) {
      id
      sessions(first: 20) {
        edges {
          node {
            id
            address
            loginAt
            logoutAt
            durationSeconds
            endReason
            counters {
              rxBytes
              txBytes
            }
            router {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const SubscriberLifecycleQuery = graphql(`
  query SubscriberLifecycle($id: ID!) {
    subscriber(id: $id) {
      id
      expiresOn
      expiresAt
      lifecycleState
      timeline(first: 50) {
        nodes {
          id
          occurredAt
          kind
          summary
          actor
        }
      }
    }
  }
`);

export const SubscriberNotificationsQuery = graphql(`
  query SubscriberNotifications($id: ID!) {
    notifications(subscriberId: $id, limit: 20) {
      nodes {
        id
        channel
        eventType
        recipient
        subject
        status
        attempts
        lastError
        createdAt
        sentAt
      }
    }
  }
`);

export const ExtendSubscription = graphql(`
  mutation ExtendSubscription($input: ExtendSubscriptionInput!) {
    extendSubscription(input: $input) {
      expiresOn
      lifecycleState
      replayed
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const PostponeSuspension = graphql(`
  mutation PostponeSuspension($input: PostponeSuspensionInput!) {
    postponeSuspension(input: $input) {
      expiresOn
      lifecycleState
      errors {
        ...UserErrorFields
      }
    }
  }
`);
