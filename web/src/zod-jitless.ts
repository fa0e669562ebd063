// The cabinet runs under script-src 'self' (api/http/security-headers.ts): zod must
// not compile parsers with `new Function`, nor even probe whether it may — the
// caught probe is still reported as a CSP violation. Imported first in main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
