import { SelectField } from '../../lib/ui/form';
import { quarterHours } from './week';

const allTimes = quarterHours('00:00', '24:00').map((time) => ({ value: time, label: time }));

/**
 * A time of day as a select of quarter hours: the same in every browser and language, readable by
 * screen readers, and typing "18" jumps to 18:00.
 */
export function TimeSelect(props: {
  idPrefix: string;
  name: string;
  label: string;
  value: string;
  onValueChange(value: string): void;
  error?: string;
  hint?: string;
  placeholder?: string;
  optionalText?: string;
}) {
  return <SelectField {...props} options={allTimes} />;
}
