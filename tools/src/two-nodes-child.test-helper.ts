/**
 * One server process of the two-node test (`two-nodes.test.ts`): a full kernel with the CRM and
 * the sales fixture, configured by its environment (the shared PostgreSQL database, RabbitMQ and
 * Redis), listening on 127.0.0.1 at a free port. The CRM's own subscriber of `crm.deal.won`
 * records each delivery in `public.two_nodes_effects` with this process's pid, in the delivery's
 * transaction. The first node (argument `first`) seeds the demo data and creates the test users
 * (`TWO_NODES_EMAILS`, comma-separated, each with `TWO_NODES_PASSWORD`). Prints `listening <url>` once it serves; shuts down on
 * SIGTERM. Logs go to stderr.
 *
 *   node --import tsx two-nodes-child.test-helper.ts first|second
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createKernel,
  createUser,
  type EventHandler,
  IdentityToken,
  type PluginDefinition,
  runUntilSignal,
} from '@codexion/framework';
import { sql } from 'drizzle-orm';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const first = process.argv[2] === 'first';

const { createCrmPlugin } = (await import(
  pathToFileURL(join(repo, 'apps', 'crm', 'bin', 'plugin.ts')).href
)) as {
  createCrmPlugin: (options: { subscribers?: Record<string, EventHandler<never>> }) => PluginDefinition;
};
const { default: sales } = (await import(
  pathToFileURL(join(repo, 'framework', 'cli', 'fixtures', 'sales', 'bin', 'plugin.ts')).href
)) as { default: PluginDefinition };

const recordWon: EventHandler<{ dealId: string }> = async (ctx, deal) => {
  await ctx.tx.execute(
    sql`insert into public.two_nodes_effects (consumer, event_id, deal_id, pid)
        values ('crm', ${ctx.event.id}, ${deal.dealId}, ${process.pid})`,
  );
};

const env: Record<string, string> = {};
for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;

const kernel = createKernel({
  root: await mkdtemp(join(tmpdir(), 'two-nodes-')),
  plugins: [createCrmPlugin({ subscribers: { 'crm.deal.won': recordWon as EventHandler<never> } }), sales],
  env,
  logDestination: process.stderr,
});
await kernel.boot({ seed: first });
if (first) {
  const { TWO_NODES_EMAILS: emails, TWO_NODES_PASSWORD: password } = env;
  if (emails === undefined || password === undefined)
    throw new Error('TWO_NODES_EMAILS and TWO_NODES_PASSWORD');
  const identity = kernel.container.resolve(IdentityToken).context;
  for (const email of emails.split(',')) await createUser(identity, { email, name: email, password });
}
const server = await kernel.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${server.url}\n`);
await runUntilSignal(kernel);
