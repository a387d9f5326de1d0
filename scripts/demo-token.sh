#!/usr/bin/env bash
# Prints a bearer token for the demo hub (offline-key mode), signed with the demo key.
#   scripts/demo-token.sh ROLE [DEPARTMENT] [REGION] [SUBJECT]
# e.g. scripts/demo-token.sh dept-admin 450100_SAMR 450100
#      scripts/demo-token.sh region-admin "" 450000
#      scripts/demo-token.sh hub-admin
# The demo key is public knowledge: the demo profile trusts it, production never does.
set -euo pipefail
role=${1:?usage: demo-token.sh ROLE [DEPARTMENT] [REGION] [SUBJECT]}
department=${2:-}
region=${3:-}
subject=${4:-demo-$role${department:+-$department}}
key="$(dirname "$0")/demo-keys/demo-signing-key.pem"
issuer=https://demo.supervision-hub.local
now=$(date +%s)

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

header='{"alg":"RS256","typ":"JWT","kid":"demo"}'
claims="{\"iss\":\"$issuer\",\"sub\":\"$(json_escape "$subject")\",\"preferred_username\":\"$(json_escape "$subject")\",\"iat\":$now,\"exp\":$((now + 8 * 3600)),\"realm_access\":{\"roles\":[\"$(json_escape "$role")\"]}"
[ -n "$department" ] && claims="$claims,\"dept_code\":\"$(json_escape "$department")\""
[ -n "$region" ] && claims="$claims,\"region_code\":\"$(json_escape "$region")\""
claims="$claims}"

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
