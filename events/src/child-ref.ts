// The format of a child's pseudonym, in a module of its own (no zod) so that the dashboard's case form uses the same
// rule and words as the schema, the privacy guard, the API and the CLI.

/** Exactly what `pact pseudonymise` makes: HMAC-SHA256, lower-case base32 without padding, the first 32 characters. */
export const CHILD_REF = /^[a-z2-7]{32}$/;

/** Says what a childRef is and how to make one, without echoing the value that was given. */
export const CHILD_REF_MESSAGE =
  'Ongeldige childRef: verwacht het pseudoniem dat npm run pact -- pseudonymise --key-file sleutel.txt maakt uit het BSN of onderwijsnummer (precies 32 tekens: kleine letters a-z en cijfers 2-7); nooit een naam, BSN of geboortedatum';
