{{/* The name of an object of this release: <release>-<part>. */}}
{{- define "augenhoehe.name" -}}
{{- printf "%s-%s" .root.Release.Name .part | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "augenhoehe.labels" -}}
app.kubernetes.io/part-of: augenhoehe
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The selector of one service's or the gateway's pods. */}}
{{- define "augenhoehe.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .service }}
{{- end -}}

{{/* The database cluster of a service (CloudNativePG makes <cluster>-rw, <cluster>-app). */}}
{{- define "augenhoehe.dbCluster" -}}
{{- include "augenhoehe.name" (dict "root" .root "part" (printf "%s-db" .database)) -}}
{{- end -}}

{{/* A KafkaUser's name = the SCRAM user name = the Secret with its password (Strimzi's User Operator). */}}
{{- define "augenhoehe.kafkaUser" -}}
{{- include "augenhoehe.name" (dict "root" .root "part" .user) -}}
{{- end -}}

{{/* The topics: each one published, and the dead-letter topic <topic>.DLT of each one consumed. */}}
{{- define "augenhoehe.topics" -}}
{{- $topics := dict -}}
{{- range $name, $s := .Values.services -}}
{{- with $s.kafka -}}
{{- $_ := set $topics .publishes .publishes -}}
{{- range .consumes -}}
{{- $_ := set $topics . . -}}
{{- $_ := set $topics (printf "%s.DLT" .) (printf "%s.DLT" .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- keys $topics | sortAlpha | toJson -}}
{{- end -}}
