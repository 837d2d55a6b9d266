import type { premisesSv } from './sv-premises';

// English texts of the premises pages, typed against the Swedish keys.
export const premisesEn: Record<keyof typeof premisesSv, string> = {
};
