package cspjob.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options of {@code cspjob pbs} and {@code cspjob sbatch}. They may come before or after the
 * job's name; after it, every word that is not one of them belongs to the job, and {@code --}
 * hands all that follows to the job.
 */
final class BatchOptions {
    @Option(names = "--nodes", paramLabel = "N", description = "nodes to ask for")
    Integer nodes;

    @Option(names = "--ppn", paramLabel = "P", description = "cores (ranks) per node; the job runs with --cores N*P")
    Integer ppn;

    @Option(names = "--walltime", paramLabel = "T", description = "time limit, H:MM:SS or D-H:MM:SS (e.g. 0:30:00)")
    String walltime;

    @Option(names = "--queue", paramLabel = "Q", description = "queue (Slurm: partition); default: the site's")
    String queue;

    @Option(names = "--name", paramLabel = "X", description = "batch job name (default: the job's name)")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the script to FILE (default: standard output)")
    Path output;

    @Option(names = "--cspjob", paramLabel = "PATH",
            description = "bin/cspjob as the nodes see it (default: this installation's)")
    Path cspjob;

    /** The words after the job's name, split into these options and the job's own. */
    record Split(BatchOptions options, List<String> jobOptions, boolean helpAsked) {
    }

    /**
     * Takes this command's options out of the words that follow the job's name, and merges them
     * with the ones given before it.
     *
     * @throws CommandLine.ParameterException for a bad value or an option given twice
     */
    Split takeFrom(List<String> words, CommandLine commandLine) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new BatchOptions());
        List<String> mine = new ArrayList<>();
        List<String> jobOptions = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String optionName = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            OptionSpec option = word.startsWith("-") ? spec.findOption(optionName) : null;
            if (word.equals("--")) {
                jobOptions.addAll(words.subList(i + 1, words.size()));
                break;
            } else if (word.equals("-h") || word.equals("--help")) {
                help = true;
            } else if (option != null) {
                mine.add(word);
                if (!word.contains("=") && i + 1 < words.size()) {
                    mine.add(words.get(++i));
                }
            } else {
                jobOptions.add(word);
            }
        }
        BatchOptions after = new BatchOptions();
        new CommandLine(after).parseArgs(mine.toArray(String[]::new));
        return new Split(merge(after, commandLine), jobOptions, help);
    }

    private BatchOptions merge(BatchOptions after, CommandLine commandLine) {
        BatchOptions all = new BatchOptions();
        all.nodes = pick(nodes, after.nodes, "--nodes", commandLine);
        all.ppn = pick(ppn, after.ppn, "--ppn", commandLine);
        all.walltime = pick(walltime, after.walltime, "--walltime", commandLine);
        all.queue = pick(queue, after.queue, "--queue", commandLine);
        all.name = pick(name, after.name, "--name", commandLine);
        all.output = pick(output, after.output, "--output", commandLine);
        all.cspjob = pick(cspjob, after.cspjob, "--cspjob", commandLine);
        return all;
    }

    private static <T> T pick(T before, T after, String option, CommandLine commandLine) {
        if (before != null && after != null) {
            throw new CommandLine.ParameterException(commandLine, option + " is given twice (before and after the job's name); give it once");
        }
        return before != null ? before : after;
    }
}
