package cspjob.launcher.ranks;

import java.util.List;
import java.util.Map;

/**
 * What a rank runs: a command line, and variables for its environment (where secrets go: the
 * environment travels to the node agent on its stdin and never shows in {@code ps}).
 */
public record RankCommand(List<String> command, Map<String, String> environment) {
    public RankCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a rank needs a command line");
        }
    }
}
