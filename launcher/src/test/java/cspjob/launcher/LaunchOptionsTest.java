package cspjob.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cspjob.launcher.placement.PlacementScheme;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LaunchOptionsTest {

    @Test
    void launchOptionsAfterTheJobNameAreTakenOutOfTheJobsArguments() {
        LaunchOptions options = new LaunchOptions();
        List<String> job = options.takeFrom(List.of("--iterations", "5", "--cores", "4", "--placement=strided", "--runs", "2",
                "--hostfile", "h", "--verbose", "--jvm-per", "node"));
        assertEquals(List.of("--iterations", "5", "--runs", "2"), job);
        assertEquals(4, options.cores);
        assertEquals(PlacementScheme.STRIDED, options.placementOrDefault());
        assertEquals(Path.of("h"), options.hostfile);
        assertEquals(LaunchOptions.JvmPer.NODE, options.jvmPerOrDefault());
        assertTrue(options.wantsRanks());
        assertTrue(options.verbose);
    }

    @Test
    void optionsBeforeTheJobNameStayUnlessRepeatedAfterIt() {
        LaunchOptions options = new LaunchOptions();
        options.cores = 2;
        options.placement = PlacementScheme.STRIDED;
        options.takeFrom(List.of("--cores", "6"));
        assertEquals(6, options.cores);
        assertEquals(PlacementScheme.STRIDED, options.placement);
    }

    @Test
    void sshOptionsAreOursToo() {
        LaunchOptions options = new LaunchOptions();
        assertEquals(List.of("--runs", "2"), options.takeFrom(List.of("--ssh-port", "2222", "--runs", "2", "--host-key-policy=accept-new")));
        assertEquals(java.util.OptionalInt.of(2222), options.ssh.settings().port());
        assertEquals(cspjob.launcher.ssh.HostKeyPolicy.ACCEPT_NEW, options.ssh.settings().hostKeyPolicy());
    }

    @Test
    void everythingAfterDoubleDashBelongsToTheJob() {
        LaunchOptions options = new LaunchOptions();
        assertEquals(List.of("--", "--cores", "3"), options.takeFrom(List.of("--", "--cores", "3")));
        assertFalse(options.wantsRanks());
    }

    @Test
    void withoutCoresOrHostfileThereAreNoRanks() {
        LaunchOptions options = new LaunchOptions();
        options.takeFrom(List.of("--placement", "blocked"));
        assertFalse(options.wantsRanks());
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(CommandLine.ParameterException.class, () -> new LaunchOptions().takeFrom(List.of("--cores", "0")));
        assertThrows(CommandLine.ParameterException.class, () -> new LaunchOptions().takeFrom(List.of("--cores", "many")));
        assertThrows(CommandLine.ParameterException.class, () -> new LaunchOptions().takeFrom(List.of("--placement", "random")));
        assertThrows(CommandLine.ParameterException.class, () -> new LaunchOptions().takeFrom(List.of("--cores")));
    }
}
