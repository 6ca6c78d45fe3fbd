import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { EmailConfig } from '../foundation/auth-config.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; the framework's messages (password reset, email verification) go through it. */
export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
  close?(): void;
}

/** The development transport: messages go to the log, and to `sent` for tests to read. */
export interface DevEmailTransport extends EmailTransport {
  readonly sent: readonly EmailMessage[];
}

/**
 * Writes each message to the log instead of sending it. With `showBodies` off (production) the
 * body, which holds one-time links, stays out of the log.
 *
 * @example
 * const mail = devEmailTransport(logger);
 * await mail.send({ to: 'a@example.com', subject: 'Hi', text: 'Reset: https://…' });
 * mail.sent[0]?.subject; // 'Hi'
 */
export function devEmailTransport(logger: Logger, { showBodies = true } = {}): DevEmailTransport {
  const sent: EmailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      if (sent.length > 100) sent.shift();
      logger.info(
        {
          email: { to: message.to, subject: message.subject, ...(showBodies ? { body: message.text } : {}) },
        },
        showBodies ? 'email (dev transport, not sent)' : 'email (dev transport, not sent; body withheld)',
      );
    },
  };
}

/**
 * Sends through SMTP with nodemailer (`smtp://user:pass@host:587`, `smtps://…:465`).
 *
 * @example
 * const mail = smtpEmailTransport({ url: 'smtps://app:secret@mail.example.com', from: 'App <no-reply@example.com>' });
 */
export function smtpEmailTransport({ url, from }: { url: string; from: string }): EmailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send({ to, subject, text }) {
      await transporter.sendMail({ from, to, subject, text });
    },
    close: () => transporter.close(),
  };
}

/**
 * The transport `email.transport` names.
 *
 * @example
 * const mail = createEmailTransport(config.email, logger, { showBodies: env !== 'production' });
 */
export function createEmailTransport(
  config: EmailConfig,
  logger: Logger,
  { showBodies = true } = {},
): EmailTransport {
  if (config.transport === 'smtp' && config.smtpUrl !== undefined)
    return smtpEmailTransport({ url: config.smtpUrl, from: config.from });
  return devEmailTransport(logger, { showBodies });
}
