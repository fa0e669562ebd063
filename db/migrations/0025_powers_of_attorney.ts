import type { Migration } from '../migrate';

// Representatives (issue 20, item 6; domain/representation.ts). A power of
// attorney names a registered cabinet user as representative of an individual
// principal or of an organisation (issued by its administrator); staff verify
// or refuse it; the principal revokes it. The session reads the ones in force
// (auth/sessions.ts), hence the partial index on the representative.
//
// case_representations says which cases a representative filed and by which
// power of attorney: written by the API with the filing, before the workflow
// starts, and read by the documents and notices that name both parties.
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE powers_of_attorney (
      id                  uuid PRIMARY KEY,
      principal_id        uuid NOT NULL REFERENCES users(id),
      organisation_id     uuid REFERENCES organisations(id),
      principal_name      text NOT NULL,
      representative_id   uuid NOT NULL REFERENCES users(id),
      representative_name text NOT NULL,
      number              text NOT NULL,
      issued_on           date NOT NULL,
      valid_until         date NOT NULL,
      document_id         uuid NOT NULL REFERENCES documents(id),
      created_at          timestamptz NOT NULL DEFAULT now(),
      verified_at         timestamptz,
      verified_by         uuid REFERENCES users(id),
      refused_at          timestamptz,
      refused_by          uuid REFERENCES users(id),
      refusal_reason      text,
      revoked_at          timestamptz,
      revoked_by          uuid REFERENCES users(id),
      CHECK (valid_until >= issued_on),
      CHECK (principal_id <> representative_id),
      CHECK (verified_at IS NULL OR refused_at IS NULL),
      CHECK ((refused_at IS NULL) = (refusal_reason IS NULL))
    );
    CREATE INDEX powers_of_attorney_representative_idx ON powers_of_attorney (representative_id) WHERE verified_at IS NOT NULL AND revoked_at IS NULL;
    CREATE INDEX powers_of_attorney_principal_idx ON powers_of_attorney (principal_id, created_at DESC);
    CREATE INDEX powers_of_attorney_organisation_idx ON powers_of_attorney (organisation_id, created_at DESC) WHERE organisation_id IS NOT NULL;
    CREATE INDEX powers_of_attorney_pending_idx ON powers_of_attorney (created_at) WHERE verified_at IS NULL AND refused_at IS NULL AND revoked_at IS NULL;

    CREATE TABLE case_representations (
      case_id              uuid PRIMARY KEY,
      power_of_attorney_id uuid NOT NULL REFERENCES powers_of_attorney(id),
      applicant_id         uuid NOT NULL REFERENCES users(id),   -- the account the case is filed under (the principal, or its organisation's administrator)
      representative_id    uuid NOT NULL REFERENCES users(id),
      created_at           timestamptz NOT NULL DEFAULT now()
    );
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`DROP TABLE case_representations; DROP TABLE powers_of_attorney;`);
};
