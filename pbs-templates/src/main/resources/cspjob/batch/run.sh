
# Work where the job was submitted from, so its results land there. Slurm's qsub wrapper sets
# SLURM_SUBMIT_DIR, not PBS_O_WORKDIR.
cd "${PBS_O_WORKDIR:-${SLURM_SUBMIT_DIR:-$PWD}}" || exit 1

# The node list cspjob run will use, as it looks for one: $PBS_NODEFILE, else $SLURM_JOB_NODELIST.
if [ -n "${PBS_NODEFILE:-}" ]; then
  echo "cspjob batch: nodes from PBS_NODEFILE: $(sort "$PBS_NODEFILE" | uniq -c | awk '{ printf "%s(%s) ", $2, $1 }')"
elif [ -n "${SLURM_JOB_NODELIST:-}" ]; then
  echo "cspjob batch: nodes from SLURM_JOB_NODELIST: $SLURM_JOB_NODELIST (tasks per node: ${SLURM_TASKS_PER_NODE:-?})"
else
  echo "cspjob batch: no PBS_NODEFILE or SLURM_JOB_NODELIST: running on $(hostname) alone"
fi

TOTAL=@cores@   # nodes x cores per node
@cores_note@
exec @cspjob@ run @arguments@
