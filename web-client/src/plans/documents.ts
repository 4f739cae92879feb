import { graphql } from '../gql';

/** Everything `updatePlan` replaces, so an edit sends back what the form does not show instead of clearing it. */
export const PlanForEditQuery = graphql(`
  query PlanForEdit($id: ID!) {
    plan(id: $id) {
      id
      version
      name
      profileName
      downloadRate
      uploadRate
      burst {
        downloadRate
        uploadRate
        downloadThreshold
        uploadThreshold
        seconds
      }
      gracePlan {
        id
      }
      profile {
        localAddress
        remoteAddress
        poolRanges
        dnsServers
        onlyOne
        addressList
        parentQueue
        sessionTimeoutSeconds
        idleTimeoutSeconds
      }
    }
  }
`);

export const UpdatePlan = graphql(`
  mutation UpdatePlan($input: UpdatePlanInput!) {
    updatePlan(input: $input) {
      plan {
        id
        version
        name
        profileName
        downloadRate
        uploadRate
      }
      operations {
        id
        router {
          id
          name
        }
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeletePlan = graphql(`
  mutation DeletePlan($input: DeletePlanInput!) {
    deletePlan(input: $input) {
      deletedId
      errors {
        ...UserErrorFields
      }
    }
  }
`);
