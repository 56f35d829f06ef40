/**
 * Benchmarks of cspjob against peers (JCSP, bare JDK hand-offs, raw sockets) measured in the same
 * run, so every result is a ratio. Commands and figures: BENCHMARKS.md at the repository root.
 */
package cspjob.benchmarks;
