import { EventEmitter } from 'node:events';
import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer extends EventEmitter {
  /** Sends without making the caller wait or fail: a mail problem is logged, never shown to the user. */
  send(mail: OutgoingMail): void;
  /** Resolves when every mail handed to send() so far has been delivered or failed. */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

export const mailerPlugin = fp(
  async (app, opts: { config: Config }) => {
    const { smtpUrl, mailFrom } = opts.config;
    // Without SMTP_URL the mail is rendered by nodemailer and written to the log, so a local run still works.
    const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
    const pending = new Set<Promise<void>>();
    const mailer = Object.assign(new EventEmitter(), {
      send(mail: OutgoingMail) {
        const delivery = transport
          .sendMail({ from: mailFrom, to: mail.to, subject: mail.subject, text: mail.text })
          .then(() => {
            if (!smtpUrl) app.log.info({ mail: { to: mail.to, subject: mail.subject } }, `E-mail (no SMTP_URL set):\n${mail.text}`);
            mailer.emit('sent', mail);
          })
          .catch((err: unknown) => app.log.error({ err, to: mail.to }, 'e-mail could not be sent'))
          .finally(() => pending.delete(delivery));
        pending.add(delivery);
      },
      async idle() {
        await Promise.all([...pending]);
      },
    }) as Mailer;
    app.decorate('mailer', mailer);
    app.addHook('onClose', async () => {
      await mailer.idle();
      transport.close();
    });
  },
  { name: 'mailer' },
);
