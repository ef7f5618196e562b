/**
 * The port contract kit, published as the test-jar of {@code platform-ports/port-contract}: the
 * abstract suite {@code PortContractTest} that every port extends once in its own tests, and its
 * helpers {@code RecordingKernel} (a stand-in kernel that records every entry) and
 * {@code ScriptedExecutor} (a guest that records what it is delivered). See
 * docs/porting-guide.adoc.
 *
 * <p>Depends on the kernel's {@code api} and {@code port} packages and the emulation core
 * ({@code warden.emu}) only, never on a port. Used by the ports' tests.
 */
package warden.port.contract;
