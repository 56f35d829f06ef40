package cspjob.batch;

/** The batch systems cspjob writes scripts for, each with its template and its spelling of the limits. */
public enum Scheduler {
    /** PBS / Torque / PBS Pro: {@code qsub}. Job names of at most 15 characters, as older PBS versions require. */
    PBS("pbs.sh", 15, "#PBS -q ") {
        @Override
        String walltime(Walltime walltime) {
            return walltime.pbs();
        }
    },
    /** Slurm: {@code sbatch}. */
    SLURM("sbatch.sh", 64, "#SBATCH --partition=") {
        @Override
        String walltime(Walltime walltime) {
            return walltime.slurm();
        }
    };

    final String template;
    final int maxNameLength;
    final String queueDirective;

    Scheduler(String template, int maxNameLength, String queueDirective) {
        this.template = template;
        this.maxNameLength = maxNameLength;
        this.queueDirective = queueDirective;
    }

    abstract String walltime(Walltime walltime);

    /** The longest job name this scheduler takes. */
    public int maxNameLength() {
        return maxNameLength;
    }
}
