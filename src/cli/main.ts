import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { SYSTEM } from '../staff/actor.ts';
import { createStaff } from '../staff/staff.service.ts';
import { STAFF_ROLES, type StaffRole } from '../staff/staff.table.ts';
import { AppError } from '../http/errors.ts';
import { backup } from './backup.ts';
import { generateArchive } from './generate.ts';
import { openRuntime } from './runtime.ts';
import { createDemoMembers } from './seed/demo-members.ts';
import { createDemoStaff } from './seed/demo-staff.ts';
import { isEmpty, seedDemo } from './seed/seed.ts';
import { serve } from './serve.ts';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}

function role(value: string): StaffRole {
  if (!(STAFF_ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${STAFF_ROLES.join(', ')}`);
  return value as StaffRole;
}

/** Runs a command against the configured database and closes it afterwards. */
async function withRuntime<T>(work: (runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

const program = new Command('gaceta')
  .description('Gaceta: publishing for independent, reader-funded newsrooms')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web server and the scheduler')
  .option('--seed-if-empty', 'load the demo newsroom when the database has no articles')
  .option('--workers <n>', 'processes serving the port (Node cluster; default 1)', positiveInteger, 1)
  .action(async (options: { seedIfEmpty?: boolean; workers: number }) =>
    serve(loadConfig(), { seedIfEmpty: Boolean(options.seedIfEmpty), workers: options.workers }),
  );

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(() => withRuntime(async () => console.log('database is up to date')));

program
  .command('seed')
  .description('load the demo newsroom (36 articles, 6 sections) into an empty database')
  .action(() =>
    withRuntime(async ({ handle, storage, invalidation }) => {
      if (!(await isEmpty(handle.db)))
        throw new AppError(
          'CONFLICT',
          'The database already has articles; the demo newsroom is loaded only into an empty one.',
        );
      const result = await seedDemo({ db: handle.db, storage, invalidation }, console.log);
      await createDemoStaff(handle.db, loadConfig().publicUrl, console.log);
      await createDemoMembers(handle.db, loadConfig().publicUrl, console.log);
      console.log(`demo newsroom loaded: ${result.articles} articles`);
    }),
  );

program
  .command('create-staff')
  .description('create a staff account')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--role <role>', `one of ${STAFF_ROLES.join(', ')}`, role)
  .option('--password <password>', 'at least 12 characters (default: read GACETA_STAFF_PASSWORD)')
  .action((options: { email: string; name: string; role: StaffRole; password?: string }) =>
    withRuntime(async ({ handle }) => {
      const password = options.password ?? loadConfig().staffPassword;
      if (!password) throw new AppError('VALIDATION_FAILED', 'Give --password or set GACETA_STAFF_PASSWORD.');
      const staff = await createStaff(handle.db, SYSTEM.operator, {
        email: options.email,
        name: options.name,
        role: options.role,
        password,
      });
      console.log(`created ${staff.role} ${staff.email} (${staff.id})`);
    }),
  );

program
  .command('generate')
  .description('add a synthetic archive of published articles (for benchmarks)')
  .requiredOption('--articles <n>', 'how many articles', positiveInteger)
  .action((options: { articles: number }) =>
    withRuntime(async ({ handle, storage }) => {
      await generateArchive(handle, storage, options.articles, console.log);
    }),
  );

program
  .command('backup')
  .description('write a consistent copy of the database (and list of media) to a folder')
  .requiredOption('--to <dir>', 'destination folder')
  .action((options: { to: string }) =>
    withRuntime(async ({ handle }) => {
      const written = await backup(loadConfig(), handle, options.to);
      console.log(`backup written to ${written}`);
    }),
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError) {
    const fields = error instanceof AppError ? error.fields.map((f) => `\n  ${f.field}: ${f.message}`).join('') : '';
    console.error(`gaceta: ${error.message}${fields}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
