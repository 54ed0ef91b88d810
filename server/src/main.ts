import 'reflect-metadata';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './logger.js';
import { startApp } from './app.js';
import { DataDirInUseError } from './db/embedded-postgres.js';

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
})();
const logger = createLogger(config.logLevel);

try {
  const app = await startApp(config, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof DataDirInUseError) {
    logger.error(error.message);
  } else {
    logger.error({ err: error }, 'Atelier could not start');
  }
  process.exit(1);
}
