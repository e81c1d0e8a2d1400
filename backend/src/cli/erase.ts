// `erase --child-ref R`: erasure on request of one child (see ../erasure.ts), as admin.
import os from 'node:os';
import { CHILD_REF_MESSAGE, childRef } from '@pact/events';
import { AuthStore } from '../auth/store.ts';
import { eraseChild } from '../erasure.ts';
import { parse, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { openWithProjections } from './common.ts';

export const eraseCommand: Command = {
  summary: 'wist op verzoek (AVG) elke casus van één kind uit het eventlog en de projecties',
  usage: '--child-ref CHILDREF',
  async run(args) {
    const { values } = parse(args, { 'child-ref': { type: 'string' } });
    const ref = values['child-ref'];
    // the message names the format only: a mistaken BSN is not echoed
    if (ref === undefined || !childRef.safeParse(ref).success) throw new UsageError(`--child-ref is verplicht. ${CHILD_REF_MESSAGE}`);
    const { runtime, projector } = await openWithProjections(values['data-dir'], { catchUp: false });
    try {
      const auth = new AuthStore(runtime.db, runtime.clock);
      await auth.migrate();
      const result = await eraseChild({ store: runtime.store, projector, auth, db: runtime.db }, ref, { subject: `cli:${os.userInfo().username}`, role: 'admin' });
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
