/**
 * The composition root: the ONE place that reads the environment. Validates the configuration (a bad
 * value stops start-up naming it), starts the app, and says where it listens and how to talk to it.
 * A start-up failure (a bad setting, the port in use, no permission, a file that is not a database)
 * is one line naming the cause: `Fristvakt cannot start: …`.
 */
import { ConfigError, loadConfig, type Config, type Env } from './config';
import { startApp, type AppOptions, type RunningApp } from './app';
import { supplierSecretFrom } from '../shared/suppliers/model';
import { startupFailure } from './server/startup-errors';

/** Where `main` writes its lines (the console; tests collect them). */
export interface Out {
  log(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

const consoleOut: Out = {
  log: (l) => console.log(l),
  warn: (l) => console.warn(l),
  error: (l) => console.error(l),
};

/** Starts Fristvakt from `env`; answers the running app, or the exit code after a one-line reason. */
export async function main(
  env: Env,
  cwd: string,
  out: Out = consoleOut,
  options: AppOptions = {},
): Promise<RunningApp | { exitCode: number }> {
  let config: Config;
  try {
    config = loadConfig(env, cwd);
  } catch (err) {
    if (err instanceof ConfigError) {
      out.error(`Fristvakt cannot start: ${err.message}`);
      return { exitCode: 2 };
    }
    throw err;
  }
  let app: RunningApp;
  try {
    // Suppliers' webhook signing secrets come from the environment by name (FRISTVAKT_SUPPLIER_…).
    const supplierSecret = (name: string) => supplierSecretFrom(env, name);
    app = await startApp(config, { supplierSecret, ...options });
  } catch (err) {
    out.error(`Fristvakt cannot start: ${startupFailure(err, config)}`);
    return { exitCode: 1 };
  }
  const endpoint = `${app.url}/api/messages`;
  out.log(
    `Fristvakt listens on ${app.url} (${config.env}, store: ${config.store.kind}${config.store.kind === 'sqlite' ? ` in ${config.dataDir}` : ''})`,
  );
  out.log(`  Bot endpoint:  POST ${endpoint}`);
  out.log(`  Health:        GET  ${app.url}/healthz`);
  out.log(`  Tab:           GET  ${app.url}/tab/`);
  out.log(`  Talk to it:    npm run dev (this server plus the Microsoft 365 Agents Playground), or`);
  out.log(
    `                 npx agentsplayground -e ${endpoint} -c msteams   then type "hjelp" or "meld feil"`,
  );
  const bar = '!'.repeat(78);
  if (!config.bot.appId) {
    out.warn(
      `\n${bar}\n!!  AUTHENTICATION IS OFF: no BOT_ID is set, so any caller can post to the bot.\n!!  Local development only. Set BOT_ID, BOT_PASSWORD (and BOT_TENANT_ID) to turn it on.\n${bar}\n`,
    );
  }
  if (config.tab.devSignIn) {
    out.warn(
      `${bar}\n!!  DEVELOPMENT SIGN-IN IS ON (FRISTVAKT_ENV=development and FRISTVAKT_DEMO_DIRECTORY=on):\n!!  the tab's API accepts a demo user named in X-Fristvakt-Dev-User instead of a token.\n!!  Turn it off with FRISTVAKT_DEMO_DIRECTORY=off.\n${bar}\n`,
    );
  }
  return app;
}

if (require.main === module) {
  main(process.env, process.cwd()).then(
    (started) => {
      if ('exitCode' in started) process.exit(started.exitCode);
      const stop = (signal: string): void => {
        console.log(`${signal}: shutting down`);
        started.close().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    },
    (err: unknown) => {
      console.error(
        `Fristvakt cannot start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
      process.exit(1);
    },
  );
}
