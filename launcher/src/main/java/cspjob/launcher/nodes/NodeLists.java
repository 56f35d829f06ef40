package cspjob.launcher.nodes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the node list of a job, in this order: {@code --hostfile F}, else {@code $PBS_NODEFILE},
 * else {@code $SLURM_JOB_NODELIST} (slots from {@code $SLURM_TASKS_PER_NODE}, one per node when
 * unset), else this machine alone with one slot per core.
 */
public final class NodeLists {
    public static final String PBS_NODEFILE = "PBS_NODEFILE";
    public static final String SLURM_JOB_NODELIST = "SLURM_JOB_NODELIST";
    public static final String SLURM_TASKS_PER_NODE = "SLURM_TASKS_PER_NODE";
    /** The host name of this machine in a node list made for it. */
    public static final String THIS_MACHINE = "localhost";

    private NodeLists() {
    }

    /** The node list of a job started in this process's environment. */
    public static NodeList find(Path hostfile) {
        return find(hostfile, System.getenv(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * The node list from {@code hostfile} (may be null), else from {@code environment}, else
     * {@value #THIS_MACHINE} with {@code cores} slots.
     */
    public static NodeList find(Path hostfile, Map<String, String> environment, int cores) {
        if (hostfile != null) {
            return Hostfile.read(hostfile, "hostfile " + hostfile);
        }
        String pbs = environment.get(PBS_NODEFILE);
        if (pbs != null && !pbs.isBlank()) {
            return Hostfile.read(Path.of(pbs), "$" + PBS_NODEFILE + " (" + pbs + ")");
        }
        String slurm = environment.get(SLURM_JOB_NODELIST);
        if (slurm != null && !slurm.isBlank()) {
            return slurm(slurm, environment.get(SLURM_TASKS_PER_NODE));
        }
        return new NodeList("this machine (" + cores + " cores)", List.of(new Node(THIS_MACHINE, cores)));
    }

    private static NodeList slurm(String nodelist, String tasksPerNode) {
        String source = "$" + SLURM_JOB_NODELIST + " (" + nodelist + ")";
        List<String> hosts = SlurmHostlist.expand(nodelist, "$" + SLURM_JOB_NODELIST);
        List<Integer> tasks;
        if (tasksPerNode == null || tasksPerNode.isBlank()) {
            tasks = hosts.stream().map(host -> 1).toList();
        } else {
            tasks = SlurmTasks.expand(tasksPerNode, "$" + SLURM_TASKS_PER_NODE);
            if (tasks.size() != hosts.size()) {
                throw new NodeListException("$" + SLURM_TASKS_PER_NODE + " (" + tasksPerNode + ") counts tasks for " + tasks.size()
                        + " nodes but " + source + " names " + hosts.size() + "; run inside the allocation that set both, or use --hostfile");
            }
            source += " with $" + SLURM_TASKS_PER_NODE + " (" + tasksPerNode + ")";
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            nodes.add(new Node(hosts.get(i), tasks.get(i)));
        }
        return NodeList.of(source, nodes);
    }
}
