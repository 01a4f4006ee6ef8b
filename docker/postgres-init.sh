#!/bin/sh
# First start of the Postgres container only: the key store database and the apps' login role.
# The role gets its rights from `npm run migrate` (run as the owner), which grants data access and
# nothing more: no schema changes, no rewriting of the audit trail.
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DATABASE_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'EOSQL'
CREATE DATABASE webcare_keys;
CREATE ROLE webcare_app LOGIN PASSWORD :'app_password';
EOSQL
