#!/usr/bin/env bash
# A Warden fault campaign as a Slurm job array: one array task per shard.
#
#   sbatch docs/examples/campaign-slurm.sh           # from the repository root
#   # when every task is done:
#   ./warden campaign --merge campaign-shard-*.json --json campaign.json --svg campaign.svg
#
# --array=0-7 gives SLURM_ARRAY_TASK_ID 0..7 and SLURM_ARRAY_TASK_COUNT 8; '--shard auto/8' takes
# its index from the first and checks the second. Keep the array range and SHARDS equal.
#SBATCH --job-name=warden-campaign
#SBATCH --array=0-7
#SBATCH --cpus-per-task=4
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=campaign-shard-%a.log
set -euo pipefail

SHARDS=8
FAULTS="${FAULTS:-10000}"
SEED="${SEED:-1}"
RUN_FOR="${RUN_FOR:-300ms}"
WARDEN="${WARDEN:-./warden}"

# scancel (SIGTERM), a preemption or Ctrl-C stops the shard with a partial report (also written
# every 60 s); resubmitting the same task (sbatch --array=N, or --requeue) continues it with --resume.
REPORT="campaign-shard-${SLURM_ARRAY_TASK_ID}.json"
RESUME=()
if [ -f "$REPORT" ]; then
  RESUME=(--resume "$REPORT")
fi
exec "$WARDEN" campaign --faults "$FAULTS" --seed "$SEED" --for "$RUN_FOR" --threads "${SLURM_CPUS_PER_TASK:-1}" \
  --shard "auto/$SHARDS" ${RESUME[@]+"${RESUME[@]}"} --json "$REPORT"
