package cspjob.launcher.ranks;

/**
 * A rank for the tests of {@link RankSet}: says who it is on stdout and stderr, then sleeps until
 * killed, or with {@code exit N} ends with code N.
 */
public final class EchoRank {
    public static void main(String[] args) throws InterruptedException {
        String rank = System.getenv("CSPJOB_RANK");
        System.out.println("rank " + rank + " pid " + ProcessHandle.current().pid() + " secret " + System.getenv("TEST_SECRET"));
        System.err.println("to stderr from " + rank);
        if (args.length == 2 && args[0].equals("exit")) {
            System.exit(Integer.parseInt(args[1]));
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
