import { graphql } from '../gql';

export const TenantsQuery = graphql(`
  query Tenants($search: String, $first: Int, $after: String, $last: Int, $before: String) {
    tenants(search: $search, first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          slug
          displayName
          status
          statusReason
          rateLimitTier
          createdAt
          usage {
            users
            apiClients
            requests
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

export const CreateTenant = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        slug
        status
      }
      admin {
        username
      }
      adminPassword
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const SuspendTenant = graphql(`
  mutation SuspendTenant($input: SuspendTenantInput!) {
    suspendTenant(input: $input) {
      tenant {
        slug
        status
        statusReason
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReactivateTenant = graphql(`
  mutation ReactivateTenant($input: ReactivateTenantInput!) {
    reactivateTenant(input: $input) {
      tenant {
        slug
        status
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ChangeTier = graphql(`
  mutation ChangeTenantRateLimitTier($input: ChangeTenantRateLimitTierInput!) {
    changeTenantRateLimitTier(input: $input) {
      tenant {
        slug
        rateLimitTier
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RotateSigningKey = graphql(`
  mutation RotateSigningKey($input: RotateSigningKeyInput!) {
    rotateSigningKey(input: $input) {
      keyId
      errors {
        ...UserErrorFields
      }
    }
  }
`);
