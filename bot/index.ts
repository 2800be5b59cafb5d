/**
 * The composition root: the ONE place that reads the environment. Validates the configuration (a bad
 * value stops start-up naming it), starts the app, and says where it listens and how to talk to it.
 */
import { ConfigError, loadConfig } from './config';
import { startApp } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.cwd());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Fristvakt cannot start: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const app = await startApp(config);
  const endpoint = `${app.url}/api/messages`;
  console.log(
    `Fristvakt listens on ${app.url} (${config.env}, store: ${config.store.kind}${config.store.kind === 'sqlite' ? ` in ${config.dataDir}` : ''})`,
  );
  console.log(`  Bot endpoint:  POST ${endpoint}`);
  console.log(`  Health:        GET  ${app.url}/healthz`);
  console.log(`  Tab:           GET  ${app.url}/tab/`);
  console.log(`  Talk to it:    npm run dev (this server plus the Microsoft 365 Agents Playground), or`);
  console.log(
    `                 npx agentsplayground -e ${endpoint} -c msteams   then type "hjelp" or "meld feil"`,
  );
  if (!config.bot.appId) {
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n!!  AUTHENTICATION IS OFF: no BOT_ID is set, so any caller can post to the bot.\n!!  Local development only. Set BOT_ID, BOT_PASSWORD (and BOT_TENANT_ID) to turn it on.\n${bar}\n`,
    );
  }
  const stop = (signal: string): void => {
    console.log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Fristvakt failed to start:', err);
  process.exit(1);
});
