/**
 * SSH to the nodes of a job, with JSch: {@link cspjob.launcher.ssh.SshNodes} opens one session
 * per node, all at once, and reports every node it could not reach with the reason before
 * anything starts ({@link cspjob.launcher.ssh.Preflight}); commands then run on the nodes as
 * {@link cspjob.launcher.node.NodeProcess}es over exec channels. {@link cspjob.launcher.ssh.SshOptions}
 * are the {@code --ssh-*}, {@code --known-hosts} and {@code --host-key-policy} options of
 * {@code cspjob run}; {@link cspjob.launcher.ssh.SshSettings} says every default.
 *
 * <pre>{@code
 * try (SshNodes nodes = new SshNodes(SshSettings.defaults())) {
 *     Preflight check = nodes.connectAll(List.of("node1", "node2"));
 *     if (!check.ok()) {
 *         check.report().forEach(System.err::println);   // one line per unreachable node
 *         return 2;
 *     }
 *     NodeProcess hostname = nodes.start("node1", List.of("hostname"));
 *     System.out.print(new String(hostname.stdout().readAllBytes()));
 *     hostname.waitFor();                                   // 0, or NodeProcess.CONNECTION_LOST
 * }                                                         // ends what still runs, disconnects
 * }</pre>
 */
package cspjob.launcher.ssh;
