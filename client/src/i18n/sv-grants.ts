// Swedish texts of the grants pages; spread into sv.ts. en-grants.ts must have every key.
export const grantsSv = {
} as const;
