#!/usr/bin/env bash
# One database per data owner, each with two roles (docker-compose runs this once, on the first
# start of PostgreSQL, from /docker-entrypoint-initdb.d, as the superuser):
#   <owner>_owner  NOLOGIN; owns the database and its public schema; only the migrate job acts as
#                  it (superuser connection with options=-c role=<owner>_owner).
#   <owner>        LOGIN; what the service runs as: CONNECT to its own database only, no CREATE,
#                  and through default privileges SELECT, INSERT, UPDATE, DELETE on the tables and
#                  USAGE, SELECT on the sequences the owner creates (audit tables: the migration
#                  RestrictAccessAudit/RestrictHubAudit takes UPDATE and DELETE back).
# Passwords come from the mounted secrets /run/secrets/<owner>-db-password.
set -euo pipefail

SECRETS_DIR="${LIAISON_SECRETS_DIR:-/run/secrets}"

# Nobody but the superuser connects to the maintenance databases.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --no-psqlrc <<'SQL'
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;
SQL

for owner in customs police fiu postal hub; do
  password_file="$SECRETS_DIR/$owner-db-password"
  if [ ! -s "$password_file" ]; then
    echo "init-databases: $password_file is missing or empty (run npm run deploy:secrets)" >&2
    exit 1
  fi
  password="$(tr -d '\r\n' < "$password_file")"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --no-psqlrc \
    -v db="$owner" -v owner="${owner}_owner" -v runtime="$owner" -v password="$password" <<'SQL'
CREATE ROLE :"owner" NOLOGIN;
CREATE ROLE :"runtime" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"runtime";
\connect :"db"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"runtime";
SQL
  echo "init-databases: $owner ready (roles ${owner}_owner, $owner)"
done
