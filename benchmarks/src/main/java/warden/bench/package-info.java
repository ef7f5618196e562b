/**
 * JMH benchmarks of Warden's host-time fast paths (issue 17): the kernel's entries with and without
 * a world switch through a stub port and through each real port, monitor-call decode, the saved-
 * context check, the interrupt controllers' budget checks, bus access and the trace engine. Run them
 * as README.adoc's "Benchmarks" section says; they are not part of the test command.
 */
package warden.bench;
