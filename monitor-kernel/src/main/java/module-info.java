/**
 * The Warden kernel. Others see its public face ({@code warden.kernel.api}: the system image, the
 * monitor's read-only views, status codes, call ids), its port contract ({@code warden.kernel.port}:
 * the SPI a target implements) and the one factory that makes a monitor ({@code warden.kernel.Warden}).
 * Everything else (boot, scheduling and world switch, monitor calls, health, the event log) is
 * internal. It reads {@code java.base} only.
 */
module warden.kernel {
    exports warden.kernel;
    exports warden.kernel.api;
    exports warden.kernel.api.rules;
    exports warden.kernel.port;
}
