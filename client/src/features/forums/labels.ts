import type { Locale } from '../../../../shared/messages';
import type { Reaction } from '../../../../shared/forums';
import type { I18n } from '../../i18n/use-i18n';

interface Named {
  nameSv: string;
  nameEn: string;
}

export const forumName = (forum: Named, locale: Locale) => (locale === 'en' ? forum.nameEn || forum.nameSv : forum.nameSv);

export const forumDescription = (forum: { descriptionSv: string; descriptionEn: string }, locale: Locale) =>
  locale === 'en' ? forum.descriptionEn || forum.descriptionSv : forum.descriptionSv;

export const reactionName = (t: I18n['t'], reaction: Reaction) => t(`reaction.${reaction}`);
