// Swedish texts of the premises pages; spread into sv.ts. en-premises.ts must have every key.
export const premisesSv = {
} as const;
