// Generic zod messages in Russian (field-specific ones are written in the schemas).
import { z } from 'zod';

z.config(z.locales.ru());
