import { legalForms, sizeClasses, type LegalForm, type SizeClass } from '../../../../shared/organisations';
import type { I18n } from '../../i18n/use-i18n';
import type { Option } from '../../lib/ui/form';

export const legalFormLabel = (t: I18n['t'], value: LegalForm) => t(`legalForm.${value}`);
export const sizeClassLabel = (t: I18n['t'], value: SizeClass) => t(`sizeClass.${value}`);

export const legalFormOptions = (t: I18n['t']): Option[] => legalForms.map((value) => ({ value, label: legalFormLabel(t, value) }));
export const sizeClassOptions = (t: I18n['t']): Option[] => sizeClasses.map((value) => ({ value, label: sizeClassLabel(t, value) }));
