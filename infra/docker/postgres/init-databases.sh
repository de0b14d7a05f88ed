#!/bin/bash
# Run once by the postgres image on an empty data volume: one role and one database per service and the portal's
# (its sessions, #18; an older volume needs it created by hand), passwords from <SERVICE>_DB_PASSWORD (see docker-compose.yml).
set -euo pipefail
for service in partner vacancy measures outreach portal; do
  var="${service^^}_DB_PASSWORD"
  password=${!var:?$var is not set}
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set role="$service" --set password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
SQL
done
