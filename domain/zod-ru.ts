// Generic zod messages in Russian (field-specific ones are written in the schemas).
import { z } from 'zod';

z.config(z.locales.ru());
// zod completes its global configuration when its first schema is built; the
// workflow sandbox shares this module and freezes it (worker/create-worker.ts),
// so that must happen here.
z.object({});
