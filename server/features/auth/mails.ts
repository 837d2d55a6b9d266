import type { Locale } from '../../../shared/messages';
import type { OutgoingMail } from '../../plugins/mailer';

export function resetMail(locale: Locale, to: string, link: string): OutgoingMail {
  return locale === 'en'
    ? {
        to,
        subject: 'Reset your password at Mötesplatsen',
        text: `Someone (hopefully you) asked to reset the password of your Mötesplatsen account.\n\nChoose a new password here within one hour:\n${link}\n\nIf you did not ask for this, ignore this e-mail; your password stays as it is.`,
      }
    : {
        to,
        subject: 'Återställ ditt lösenord på Mötesplatsen',
        text: `Någon (förhoppningsvis du) har bett om att återställa lösenordet till ditt konto på Mötesplatsen.\n\nVälj ett nytt lösenord här inom en timme:\n${link}\n\nOm du inte har bett om detta kan du bortse från mejlet; ditt lösenord ändras inte.`,
      };
}

export function alreadyRegisteredMail(locale: Locale, to: string, signInLink: string, resetLink: string): OutgoingMail {
  return locale === 'en'
    ? {
        to,
        subject: 'You already have an account at Mötesplatsen',
        text: `Someone tried to create a new account with this e-mail address, but you already have one.\n\nSign in: ${signInLink}\nForgot your password? ${resetLink}\n\nIf it was not you, you need do nothing.`,
      }
    : {
        to,
        subject: 'Du har redan ett konto på Mötesplatsen',
        text: `Någon försökte skapa ett nytt konto med den här e-postadressen, men du har redan ett.\n\nLogga in: ${signInLink}\nGlömt lösenordet? ${resetLink}\n\nOm det inte var du behöver du inte göra något.`,
      };
}

export function welcomeMail(locale: Locale, to: string, name: string, signInLink: string): OutgoingMail {
  return locale === 'en'
    ? { to, subject: 'Welcome to Mötesplatsen', text: `Hello ${name},\n\nyour account is ready. Sign in here: ${signInLink}` }
    : { to, subject: 'Välkommen till Mötesplatsen', text: `Hej ${name},\n\nditt konto är klart. Logga in här: ${signInLink}` };
}
