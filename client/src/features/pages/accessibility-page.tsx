import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';

// Follows the structure of DIGG's model statement for Swedish public-sector websites
// (lagen (2018:1937) om tillgänglighet till digital offentlig service).
const contactEmail = 'tillganglighet@motesplatsen.stockholm';
const diggUrl = 'https://www.digg.se/tdosanmalan';

export function AccessibilityPage() {
  const { t, date } = useI18n();
  return (
    <div className="prose">
      <PageHeading>{t('a11y.title')}</PageHeading>
      <p className="lead">{t('a11y.intro')}</p>

      <h2>{t('a11y.howTitle')}</h2>
      <p>{t('a11y.howText')}</p>
      <ul>
        <li>{t('a11y.how.keyboard')}</li>
        <li>{t('a11y.how.screenReader')}</li>
        <li>{t('a11y.how.zoom')}</li>
        <li>{t('a11y.how.language')}</li>
        <li>{t('a11y.how.charts')}</li>
      </ul>

      <h2>{t('a11y.cannotTitle')}</h2>
      <p>{t('a11y.cannotText')}</p>
      <ul>
        <li>
          {t('a11y.email')}: <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
        </li>
        <li>{t('a11y.answerTime')}</li>
      </ul>

      <h2>{t('a11y.reportTitle')}</h2>
      <p>{t('a11y.reportText')}</p>
      <p>
        <a href={`mailto:${contactEmail}?subject=${encodeURIComponent(t('a11y.reportSubject'))}`}>{t('a11y.reportLink')}</a>
      </p>

      <h2>{t('a11y.supervisionTitle')}</h2>
      <p>{t('a11y.supervisionText')}</p>
      <p>
        <a href={diggUrl} rel="noopener noreferrer">
          {t('a11y.supervisionLink')}
        </a>
      </p>

      <h2>{t('a11y.technicalTitle')}</h2>
      <p>{t('a11y.technicalText')}</p>

      <h3>{t('a11y.gapsTitle')}</h3>
      <ul>
        <li>{t('a11y.gap.userContent')}</li>
        <li>{t('a11y.gap.apiDocs')}</li>
        <li>{t('a11y.gap.emails')}</li>
      </ul>

      <h2>{t('a11y.testedTitle')}</h2>
      <p>{t('a11y.testedText')}</p>
      <p>{t('a11y.updated', { date: date('2026-11-23') })}</p>

      <p>
        <Link to={paths.home}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
