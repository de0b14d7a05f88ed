#!/usr/bin/env bash
# One-shot step after the broker is up (docker-compose.yml: kafka-init), logged in as the administrator: gives each
# service its own SCRAM-SHA-512 user, creates the topics, and grants each service exactly what it needs:
#   - WRITE its own topic (the outbox relay; idempotent producer: WRITE on a topic suffices since Kafka 3.0, KIP-679);
#   - READ the topics it consumes, in its consumer group (= spring.application.name);
#   - READ and WRITE the dead-letter topic <topic>.DLT of each topic it consumes (failed records; the operator's list).
# Nothing else: no service may write another's topic (forging ledger events) or read what it does not consume, and
# none may create topics — they are created here (the services' own topic creation then finds them and does nothing).
# Re-running is harmless (users are set again, topics created if missing, ACLs added once). It only adds: revoke a
# grant that is no longer listed with kafka-acls.sh --remove.
#
# Input: KAFKA_BOOTSTRAP (host:port of the SASL listener), AUGENHOEHE_KAFKA_PASSWORD_ADMIN and one
# AUGENHOEHE_KAFKA_PASSWORD_<USER> per service user below, AUGENHOEHE_KAFKA_PARTITIONS (default 6),
# AUGENHOEHE_KAFKA_REPLICATION_FACTOR (default 1).
set -euo pipefail

KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
WORK=${AUGENHOEHE_WORK_DIR:-/tmp}
bootstrap=${KAFKA_BOOTSTRAP:?KAFKA_BOOTSTRAP is required}
partitions=${AUGENHOEHE_KAFKA_PARTITIONS:-6}
replication=${AUGENHOEHE_KAFKA_REPLICATION_FACTOR:-1}

password_of() { # USER → PASSWORD, from AUGENHOEHE_KAFKA_PASSWORD_<USER>; stops the script when missing or weak
  local var="AUGENHOEHE_KAFKA_PASSWORD_${1^^}"
  PASSWORD=${!var:-}
  if [[ ! $PASSWORD =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
    echo "$var: at least 16 of A-Z a-z 0-9 . _ ~ - (e.g. openssl rand -hex 24)" >&2
    exit 1
  fi
}

password_of admin
admin="$WORK/admin.properties"
(umask 077
 printf '%s\n' "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=SCRAM-SHA-512" \
   "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$PASSWORD\";" \
   >"$admin")

kafka() { # TOOL ARGS... — a Kafka command-line tool, logged in as the administrator
  local tool=$1
  shift
  "$KAFKA_BIN/kafka-$tool.sh" --bootstrap-server "$bootstrap" --command-config "$admin" "$@"
}

topics=()
service() { # USER GROUP PUBLISHES [CONSUMES...]
  local user=$1 group=$2 publishes=$3
  shift 3
  local consumed=("$@") dlts=() args=()
  password_of "$user"
  kafka configs --alter --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[password=$PASSWORD]"
  kafka acls --add --allow-principal "User:$user" --operation Write --operation Describe --topic "$publishes"
  if [ ${#consumed[@]} -gt 0 ]; then
    for t in "${consumed[@]}"; do args+=(--topic "$t"); dlts+=(--topic "$t.DLT"); topics+=("$t.DLT"); done
    kafka acls --add --allow-principal "User:$user" --operation Read --operation Describe "${args[@]}"
    kafka acls --add --allow-principal "User:$user" --operation Read --operation Write --operation Describe "${dlts[@]}"
    kafka acls --add --allow-principal "User:$user" --operation Read --group "$group"
  fi
  topics+=("$publishes")
}

# Who publishes and consumes what: the publisher of each topic is in infra/contracts/asyncapi.yaml, the consumers are
# each service's EventHandlers; KafkaSecurityTest (infra/e2e) fails when this list drifts from them.
#       user      consumer group     publishes        consumes
service partner   partner-service    partner-events   vacancy-events measure-events outreach-events
service vacancy   vacancy-service    vacancy-events   partner-events
service measures  measures-service   measure-events   partner-events vacancy-events outreach-events
service outreach  outreach-service   outreach-events  vacancy-events measure-events

for t in $(printf '%s\n' "${topics[@]}" | sort -u); do
  kafka topics --create --if-not-exists --topic "$t" --partitions "$partitions" --replication-factor "$replication"
done
echo "Kafka users, topics and ACLs are in place."
