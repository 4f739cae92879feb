import { graphql } from '../gql';

export const OnlineSessionsFeed = graphql(`
  subscription OnlineSessionsFeed($filter: OnlineSessionFilter) {
    onlineSessionsFeed(filter: $filter) {
      snapshot
      truncated
      ended
      started {
        id
        routerId
        subscriberId
        planId
        username
        address
        callerId
        loginAt
      }
    }
  }
`);

export const LiveChoicesQuery = graphql(`
  query LiveChoices {
    routers(first: 100) {
      edges {
        node {
          id
          name
          pop {
            id
            name
          }
        }
      }
    }
    pops(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    plans(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const TopTalkersChanged = graphql(`
  subscription TopTalkersChanged($count: Int) {
    topTalkersChanged(count: $count) {
      measuredAt
      talkers {
        username
        rxBitsPerSecond
        txBitsPerSecond
        router {
          id
          name
        }
        subscriber {
          id
        }
      }
      unreachableRouters {
        id
        name
      }
    }
  }
`);

export const KickSession = graphql(`
  mutation KickSession($input: DisconnectSessionInput!) {
    disconnectSession(input: $input) {
      operation {
        id
        status
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);
