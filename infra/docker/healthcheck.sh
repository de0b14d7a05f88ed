#!/bin/bash
# healthcheck [PORT] [PATH]: succeeds when GET http://127.0.0.1:PORT/PATH answers 200 (no curl needed).
port=${1:-${SERVER_PORT:-8080}}
path=${2:-/actuator/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
read -r -t 5 _ status _ <&3 || exit 1
[ "$status" = 200 ]
