import type { Command } from 'commander';
import { commandContext, openConfiguredStore } from './context.ts';

export function configureMigrate(command: Command): void {
  command
    .description('apply pending database migrations (serve also does this at start)')
    .action(async () => {
      const { config } = commandContext();
      const store = await openConfiguredStore(config, { migrate: false });
      try {
        const applied = await store.migrate();
        console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await store.close();
      }
    });
}
