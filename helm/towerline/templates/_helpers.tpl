{{- define "towerline.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "towerline.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "towerline.selectorLabels" -}}
app.kubernetes.io/name: {{ include "towerline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "towerline.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "towerline.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: towerline
{{- end -}}

{{- define "towerline.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "towerline.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "towerline.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Several replicas (or autoscaling) must not race to migrate at start-up: a Job migrates instead. */}}
{{- define "towerline.scaledOut" -}}
{{- if or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) -}}true{{- end -}}
{{- end -}}

{{- define "towerline.migrationJob" -}}
{{- if eq .Values.migrations.mode "job" -}}true
{{- else if and (eq .Values.migrations.mode "auto") (include "towerline.scaledOut" .) -}}true
{{- end -}}
{{- end -}}

{{/* Fails the render on combinations the schema cannot express. */}}
{{- define "towerline.validate" -}}
{{- if not .Values.database.url -}}
{{- fail "database.url is required: the JDBC URL of your PostgreSQL (production never starts an embedded one)" -}}
{{- end -}}
{{- if not .Values.database.existingSecret.name -}}
{{- fail "database.existingSecret.name is required: a Secret with the database user name and password" -}}
{{- end -}}
{{- if and (not .Values.vault.enabled) (not .Values.keyEncryption.existingSecret.name) -}}
{{- fail "keyEncryption.existingSecret.name is required unless vault.enabled: router credentials are sealed with it" -}}
{{- end -}}
{{- if and .Values.identity.authorizationServer.enabled (not .Values.keyEncryption.existingSecret.name) -}}
{{- fail "keyEncryption.existingSecret.name is required with identity.authorizationServer.enabled: it seals the signing keys" -}}
{{- end -}}
{{- if and (not .Values.identity.issuers) (not .Values.identity.authorizationServer.enabled) -}}
{{- fail "identity.issuers needs at least one issuer (or identity.authorizationServer.enabled with its issuer)" -}}
{{- end -}}
{{- if and .Values.identity.authorizationServer.enabled (not .Values.identity.authorizationServer.issuer) -}}
{{- fail "identity.authorizationServer.issuer is required: the public URL of the authorization server" -}}
{{- end -}}
{{- if and .Values.vault.enabled (not .Values.vault.address) -}}
{{- fail "vault.address is required with vault.enabled" -}}
{{- end -}}
{{- if and .Values.vault.enabled (ne .Values.vault.authentication "kubernetes") (not .Values.vault.existingSecret.name) -}}
{{- fail "vault.existingSecret.name is required with token or approle authentication" -}}
{{- end -}}
{{- if and .Values.smtp.enabled (not .Values.smtp.host) -}}
{{- fail "smtp.host is required with smtp.enabled" -}}
{{- end -}}
{{- if and (eq .Values.migrations.mode "startup") (include "towerline.scaledOut" .) -}}
{{- fail "migrations.mode=startup needs replicaCount 1 without autoscaling: replicas would race to migrate; use auto or job" -}}
{{- end -}}
{{- end -}}

{{/* The container's environment: production profile, database, keys, issuers, Vault, SMTP. */}}
{{- define "towerline.env" -}}
- name: SPRING_PROFILES_ACTIVE
  value: production
- name: JAVA_TOOL_OPTIONS
  value: {{ printf "-XX:MaxRAMPercentage=%v -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp %s" .Values.javaMaxRamPercentage .Values.javaOptions | trim | quote }}
- name: TOWERLINE_EMBEDDED_DATADIR
  value: /tmp/towerline
- name: SPRING_DATASOURCE_URL
  value: {{ .Values.database.url | quote }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret.name }}
      key: {{ .Values.database.existingSecret.usernameKey }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret.name }}
      key: {{ .Values.database.existingSecret.passwordKey }}
{{- /* further clusters for tenant schemas (issue 14, ADR 0173); names are lower-case letters and digits, so the
       environment variable binds to towerline.placement.clusters.<name> */}}
{{- range .Values.database.clusters }}
{{- $name := upper .name }}
- name: TOWERLINE_PLACEMENT_CLUSTERS_{{ $name }}_URL
  value: {{ .url | quote }}
- name: TOWERLINE_PLACEMENT_CLUSTERS_{{ $name }}_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret.name }}
      key: {{ .existingSecret.usernameKey | default "username" }}
- name: TOWERLINE_PLACEMENT_CLUSTERS_{{ $name }}_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret.name }}
      key: {{ .existingSecret.passwordKey | default "password" }}
{{- end }}
{{- /* placement of new tenants and the outbox sweep (issue 14, ADR 0183/0184): only with further clusters */}}
{{- if .Values.database.clusters }}
- name: TOWERLINE_PLACEMENT_NEW_TENANTS_ON_MAIN
  value: {{ .Values.database.newTenantsOnMain | quote }}
- name: TOWERLINE_PLACEMENT_OUTBOX_SWEEP_INTERVAL
  value: {{ .Values.database.outboxSweepInterval | quote }}
{{- end }}
{{- if .Values.vault.enabled }}
- name: TOWERLINE_CREDENTIALS_BACKEND
  value: vault
- name: TOWERLINE_CREDENTIALS_VAULT_ADDRESS
  value: {{ .Values.vault.address | quote }}
- name: TOWERLINE_CREDENTIALS_VAULT_AUTHENTICATION
  value: {{ .Values.vault.authentication | quote }}
- name: TOWERLINE_CREDENTIALS_VAULT_MOUNT
  value: {{ .Values.vault.mount | quote }}
- name: TOWERLINE_CREDENTIALS_VAULT_PATHPREFIX
  value: {{ .Values.vault.pathPrefix | quote }}
{{- if eq .Values.vault.authentication "kubernetes" }}
- name: TOWERLINE_CREDENTIALS_VAULT_KUBERNETESROLE
  value: {{ .Values.vault.kubernetesRole | quote }}
{{- else if eq .Values.vault.authentication "approle" }}
- name: TOWERLINE_CREDENTIALS_VAULT_ROLEID
  valueFrom:
    secretKeyRef:
      name: {{ .Values.vault.existingSecret.name }}
      key: {{ .Values.vault.existingSecret.roleIdKey }}
- name: TOWERLINE_CREDENTIALS_VAULT_SECRETID
  valueFrom:
    secretKeyRef:
      name: {{ .Values.vault.existingSecret.name }}
      key: {{ .Values.vault.existingSecret.secretIdKey }}
{{- else }}
- name: TOWERLINE_CREDENTIALS_VAULT_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.vault.existingSecret.name }}
      key: {{ .Values.vault.existingSecret.tokenKey }}
{{- end }}
{{- else }}
- name: TOWERLINE_CREDENTIAL_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.keyEncryption.existingSecret.name }}
      key: {{ .Values.keyEncryption.existingSecret.credentialKeyKey }}
{{- end }}
{{- range $index, $issuer := .Values.identity.issuers }}
- name: {{ printf "TOWERLINE_SECURITY_ISSUERS_%d_ISSUERURI" $index }}
  value: {{ $issuer.issuerUri | quote }}
{{- if $issuer.audience }}
- name: {{ printf "TOWERLINE_SECURITY_ISSUERS_%d_AUDIENCE" $index }}
  value: {{ $issuer.audience | quote }}
{{- end }}
{{- if $issuer.jwkSetUri }}
- name: {{ printf "TOWERLINE_SECURITY_ISSUERS_%d_JWKSETURI" $index }}
  value: {{ $issuer.jwkSetUri | quote }}
{{- end }}
{{- if $issuer.tenantClaim }}
- name: {{ printf "TOWERLINE_SECURITY_ISSUERS_%d_TENANTCLAIM" $index }}
  value: {{ $issuer.tenantClaim | quote }}
{{- end }}
{{- if $issuer.rolesClaim }}
- name: {{ printf "TOWERLINE_SECURITY_ISSUERS_%d_ROLESCLAIM" $index }}
  value: {{ $issuer.rolesClaim | quote }}
{{- end }}
{{- end }}
{{- if .Values.identity.authorizationServer.enabled }}
- name: TOWERLINE_IDENTITY_ENABLED
  value: "true"
- name: TOWERLINE_IDENTITY_ISSUER
  value: {{ .Values.identity.authorizationServer.issuer | quote }}
- name: TOWERLINE_IDENTITY_KEYENCRYPTIONKEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.keyEncryption.existingSecret.name }}
      key: {{ .Values.keyEncryption.existingSecret.identityKeyKey }}
{{- end }}
{{- if .Values.smtp.enabled }}
- name: SPRING_MAIL_HOST
  value: {{ .Values.smtp.host | quote }}
- name: SPRING_MAIL_PORT
  value: {{ .Values.smtp.port | quote }}
{{- if .Values.smtp.existingSecret.name }}
- name: SPRING_MAIL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.smtp.existingSecret.name }}
      key: {{ .Values.smtp.existingSecret.usernameKey }}
- name: SPRING_MAIL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.smtp.existingSecret.name }}
      key: {{ .Values.smtp.existingSecret.passwordKey }}
{{- end }}
{{- end }}
{{- /* webhook and SMS gateway destinations (ADR 0206) */}}
- name: TOWERLINE_OUTBOUND_ALLOW_PRIVATE_DESTINATIONS
  value: {{ .Values.outbound.allowPrivateDestinations | quote }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "towerline.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "towerline.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* An egress rule's peers: the given CIDRs, or any destination on that port when none are given. */}}
{{- define "towerline.egressPeers" -}}
{{- if . -}}
to:
{{- range . }}
  - ipBlock:
      cidr: {{ . }}
{{- end }}
{{- end -}}
{{- end -}}
