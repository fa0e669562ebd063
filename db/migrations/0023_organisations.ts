import type { Migration } from '../migrate';

// Organisations (issue 20, item 7): a legal entity (ИНН/КПП) or an ИП (ИНН,
// ОГРНИП) with several users. The identifiers' uniqueness moves from users to
// organisations, so colleagues share their company's ИНН/КПП while a second
// organisation with the same identifiers still cannot be created. Each
// company's or ИП's existing account becomes its organisation's administrator.
//
// Cases belong to the organisation they were filed for: applications and
// appeals carry organisation_id. The read models are written by the workflows'
// projections (activities/cases.ts), whose snapshots know only the applicant;
// the trigger takes the applicant's organisation when the case's row is first
// inserted (at filing), and later upserts never change it, so a case stays the
// organisation's after its filer leaves.
//
// Invitations keep only the SHA-256 of their single-use token (like sessions).
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE organisations (
      id          uuid PRIMARY KEY,
      kind        text NOT NULL CHECK (kind IN ('legal', 'entrepreneur')),
      name        text NOT NULL,
      inn         text NOT NULL,
      kpp         text,
      ogrn        text,
      ogrnip      text,
      created_at  timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'legal') = (kpp IS NOT NULL))
    );
    CREATE UNIQUE INDEX organisations_inn_kpp_key ON organisations (inn, coalesce(kpp, ''));

    ALTER TABLE users
      ADD COLUMN organisation_id uuid REFERENCES organisations(id),
      ADD COLUMN organisation_role text CHECK (organisation_role IN ('admin', 'member')),
      ADD CONSTRAINT users_organisation_membership_check CHECK ((organisation_id IS NULL) = (organisation_role IS NULL));
    CREATE INDEX users_organisation_idx ON users (organisation_id) WHERE organisation_id IS NOT NULL;
    DROP INDEX users_inn_kpp_key;
    CREATE INDEX users_inn_kpp_idx ON users (inn, coalesce(kpp, '')) WHERE inn IS NOT NULL;

    INSERT INTO organisations (id, kind, name, inn, kpp, ogrn, ogrnip, created_at)
    SELECT gen_random_uuid(), kind,
           CASE WHEN kind = 'legal' THEN coalesce(org_name, '') ELSE 'ИП ' || concat_ws(' ', last_name, first_name, nullif(middle_name, '')) END,
           inn, CASE WHEN kind = 'legal' THEN kpp END, ogrn, ogrnip, created_at
      FROM users WHERE role = 'applicant' AND kind IN ('legal', 'entrepreneur') AND inn IS NOT NULL AND (kind = 'entrepreneur' OR kpp IS NOT NULL);
    UPDATE users u SET organisation_id = o.id, organisation_role = 'admin'
      FROM organisations o
     WHERE u.role = 'applicant' AND u.kind = o.kind AND u.inn = o.inn AND coalesce(u.kpp, '') = coalesce(o.kpp, '');

    CREATE TABLE organisation_invitations (
      id               uuid PRIMARY KEY,
      organisation_id  uuid NOT NULL REFERENCES organisations(id),
      email            citext NOT NULL,
      last_name        text NOT NULL,
      first_name       text NOT NULL,
      middle_name      text NOT NULL DEFAULT '',
      token_hash       text UNIQUE,            -- hex SHA-256 of the link's token, set when the e-mail is issued; the token is never stored
      invited_by       uuid NOT NULL REFERENCES users(id),
      expires_at       timestamptz NOT NULL,
      accepted_at      timestamptz,
      accepted_user_id uuid REFERENCES users(id),
      revoked_at       timestamptz,
      created_at       timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX organisation_invitations_pending_key ON organisation_invitations (organisation_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

    ALTER TABLE applications ADD COLUMN organisation_id uuid REFERENCES organisations(id);
    ALTER TABLE appeals ADD COLUMN organisation_id uuid REFERENCES organisations(id);
    UPDATE applications a SET organisation_id = u.organisation_id FROM users u WHERE u.id = a.applicant_id AND u.organisation_id IS NOT NULL;
    UPDATE appeals a SET organisation_id = u.organisation_id FROM users u WHERE u.id = a.applicant_id AND u.organisation_id IS NOT NULL;
    CREATE INDEX applications_organisation_idx ON applications (organisation_id, submitted_at DESC, id DESC) WHERE organisation_id IS NOT NULL;
    CREATE INDEX appeals_organisation_idx ON appeals (organisation_id, registered_at DESC, id DESC) WHERE organisation_id IS NOT NULL;
    -- An employee's feed also holds the notifications of the organisation's cases (db/read-models/notifications.ts).
    CREATE INDEX notifications_case_idx ON notifications (case_id, created_at DESC) WHERE audience = 'user' AND case_id IS NOT NULL;

    CREATE FUNCTION case_organisation_at_filing() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.organisation_id IS NULL THEN
        SELECT organisation_id INTO NEW.organisation_id FROM users WHERE id = NEW.applicant_id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER applications_organisation_at_filing BEFORE INSERT ON applications FOR EACH ROW EXECUTE FUNCTION case_organisation_at_filing();
    CREATE TRIGGER appeals_organisation_at_filing BEFORE INSERT ON appeals FOR EACH ROW EXECUTE FUNCTION case_organisation_at_filing();
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP TRIGGER applications_organisation_at_filing ON applications;
    DROP TRIGGER appeals_organisation_at_filing ON appeals;
    DROP FUNCTION case_organisation_at_filing();
    DROP INDEX notifications_case_idx;
    ALTER TABLE applications DROP COLUMN organisation_id;
    ALTER TABLE appeals DROP COLUMN organisation_id;
    DROP TABLE organisation_invitations;
    DROP INDEX users_inn_kpp_idx;
    ALTER TABLE users DROP CONSTRAINT users_organisation_membership_check, DROP COLUMN organisation_role, DROP COLUMN organisation_id;
    DROP TABLE organisations;
  `);
  // Colleagues who joined by invitation share their company's identifiers: the old one-account-per-identifier
  // index fails to return while they exist (deleting people's accounts is not a migration's call).
  await sql.query(`CREATE UNIQUE INDEX users_inn_kpp_key ON users (inn, coalesce(kpp, '')) WHERE inn IS NOT NULL`);
};
