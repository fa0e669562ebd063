// Schema migrations, run at every start (idempotent: umzug records what ran).
import { Umzug, SequelizeStorage, type MigrationFn } from 'umzug';
import type { Sequelize } from 'sequelize';
import * as accounts from './migrations/0001_accounts';
import * as cases from './migrations/0002_cases';
import * as appeals from './migrations/0003_appeals';
import * as tariffs from './migrations/0004_tariffs';
import * as audit from './migrations/0005_audit';
import * as outages from './migrations/0006_outages';
import * as ratings from './migrations/0007_ratings';
import * as notificationLinks from './migrations/0008_notification_links';
import * as listIndexes from './migrations/0009_list_indexes';
import * as appealListIndexes from './migrations/0010_appeal_list_indexes';
import * as applicationPenalties from './migrations/0011_application_penalties';
import * as productionCalendars from './migrations/0012_production_calendars';
import * as applicationObligations from './migrations/0013_application_obligations';
import * as transparencyIndexes from './migrations/0014_transparency_indexes';
import * as supplyCentreCapacity from './migrations/0015_supply_centre_capacity';
import * as paymentRequisites from './migrations/0016_payment_requisites';
import * as tariffRateDetails from './migrations/0017_tariff_rate_details';
import * as paymentSchedule from './migrations/0018_payment_schedule';
import * as invoiceLookupIndex from './migrations/0019_invoice_lookup_index';
import * as supplierOfLastResort from './migrations/0020_supplier_of_last_resort';
import * as departments from './migrations/0021_departments';
import * as conversations from './migrations/0022_conversations';
import * as organisations from './migrations/0023_organisations';
import * as temporaryConnectionC1 from './migrations/0024_temporary_connection_c1';
import * as powersOfAttorney from './migrations/0025_powers_of_attorney';

export type Migration = MigrationFn<Sequelize>;

// Listed, not globbed: the order is reviewed code and bundlers see every file.
const MIGRATIONS = [
  { name: '0001_accounts', ...accounts },
  { name: '0002_cases', ...cases },
  { name: '0003_appeals', ...appeals },
  { name: '0004_tariffs', ...tariffs },
  { name: '0005_audit', ...audit },
  { name: '0006_outages', ...outages },
  { name: '0007_ratings', ...ratings },
  { name: '0008_notification_links', ...notificationLinks },
  { name: '0009_list_indexes', ...listIndexes },
  { name: '0010_appeal_list_indexes', ...appealListIndexes },
  { name: '0011_application_penalties', ...applicationPenalties },
  { name: '0012_production_calendars', ...productionCalendars },
  { name: '0013_application_obligations', ...applicationObligations },
  { name: '0014_transparency_indexes', ...transparencyIndexes },
  { name: '0015_supply_centre_capacity', ...supplyCentreCapacity },
  { name: '0016_payment_requisites', ...paymentRequisites },
  { name: '0017_tariff_rate_details', ...tariffRateDetails },
  { name: '0018_payment_schedule', ...paymentSchedule },
  { name: '0019_invoice_lookup_index', ...invoiceLookupIndex },
  { name: '0020_supplier_of_last_resort', ...supplierOfLastResort },
  { name: '0021_departments', ...departments },
  { name: '0022_conversations', ...conversations },
  { name: '0023_organisations', ...organisations },
  { name: '0024_temporary_connection_c1', ...temporaryConnectionC1 },
  { name: '0025_powers_of_attorney', ...powersOfAttorney },
];

export function migrator(sequelize: Sequelize) {
  return new Umzug({
    migrations: MIGRATIONS,
    context: sequelize,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

/** Several API processes may start at once: a session-level advisory lock lets one migrate at a time. */
const MIGRATION_LOCK = 7_302_041;

export async function migrate(sequelize: Sequelize): Promise<string[]> {
  return sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock($1)', { bind: [MIGRATION_LOCK], transaction });
    const done = await migrator(sequelize).up();
    return done.map((m) => m.name);
  });
}
