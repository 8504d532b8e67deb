import { ensurePgliteTemplate } from './pglite-template';

// Run by `npm install` (the prepare script): the first `npm start` then starts from a migrated database.
ensurePgliteTemplate()
  .then(() => process.exit(0))
  .catch((error: Error) => {
    process.stderr.write(`Could not prepare the embedded database template (start-up will be slower): ${error.message}\n`);
    process.exit(0);
  });
