import { graphql } from '../gql';

/**
 * What every mutation payload's `errors` carries (a `UserError`: field, code, message), in one place: the client maps
 * the code to a message (`api/errors.ts`) and the field to its input. Spread as `errors { ...UserErrorFields }`;
 * codegen adds the definition to each document that spreads it.
 */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    code
    message
  }
`);
