#!/usr/bin/env bash
# One-shot step before the broker's first start (docker-compose.yml: kafka-format): formats the KRaft log directory
# with the SCRAM-SHA-512 credential of the administrator. KRaft keeps users in its metadata log, so the first one must
# be written at format time — every other user is created by init-security.sh, logged in as this administrator.
# A formatted directory is left alone (--ignore-formatted); the image's own start-up then finds it formatted.
#
# Input: the broker's KAFKA_* environment (the same as the kafka service's, converted like the apache/kafka image does:
# KAFKA_ dropped, lower case, _ → ., ___ → -, __ → _), CLUSTER_ID, AUGENHOEHE_KAFKA_PASSWORD_ADMIN.
set -euo pipefail

KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
WORK=${AUGENHOEHE_WORK_DIR:-/tmp}
: "${CLUSTER_ID:?CLUSTER_ID is required}"
password=${AUGENHOEHE_KAFKA_PASSWORD_ADMIN:-}
if [[ ! $password =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
  echo "AUGENHOEHE_KAFKA_PASSWORD_ADMIN: at least 16 of A-Z a-z 0-9 . _ ~ - (e.g. openssl rand -hex 24)" >&2
  exit 1
fi

properties="$WORK/format.properties"
: >"$properties"
while IFS='=' read -r name value; do
  case $name in
    KAFKA_BIN | KAFKA_VERSION | KAFKA_HOME | KAFKA_*_OPTS | KAFKA_OPTS | KAFKA_LOG4J_* | KAFKA_TOOLS_* | KAFKA_JMX_*) continue ;;
    KAFKA_*)
      key=${name#KAFKA_}
      key=${key,,}
      key=${key//_/.}
      key=${key//.../-}
      key=${key//../_}
      printf '%s=%s\n' "$key" "$value" >>"$properties"
      ;;
  esac
done < <(env)

"$KAFKA_BIN/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$properties" --ignore-formatted \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$password]"
