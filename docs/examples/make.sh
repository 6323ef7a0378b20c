#!/usr/bin/env bash
# Regenerates the example answers in this folder from the starter library (fresh database):
#   bash docs/examples/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
db=$(mktemp -d)/examples.db
osler() { node --import tsx src/cli/dev.ts --db "$db" "$@"; }
osler import library > /dev/null
ask() {
  local name=$1 question=$2
  shift 2
  osler ask "$question" "$@" > "docs/examples/$name.txt"
  osler ask "$question" "$@" --json > "docs/examples/$name.json"
}
ask treatment-dvt-despite-lmwh "What should be done when a DVT occurs despite LMWH prophylaxis in a patient with septic shock?"
ask dosing-epinephrine-anaphylaxis "What is the IM epinephrine dose for anaphylaxis in an adult, and when can it be repeated?"
ask diagnosis-hit "How is heparin-induced thrombocytopenia diagnosed?"
ask patient-epinephrine-anaphylaxis "What is the IM epinephrine dose for anaphylaxis in an adult, and when can it be repeated?" --audience patient
ask abstain-off-topic "What is the capital of France?"
