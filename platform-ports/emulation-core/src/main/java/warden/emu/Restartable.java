package warden.emu;

/**
 * An executor whose state can be reloaded as from the partition's golden image: the port calls
 * {@link #restart} when the kernel gives one of its vCPUs a fresh context (a restart after a
 * failure). Guest models keep their measurements (jobs, misses, response times) across restarts;
 * everything else starts again from the entry point.
 */
public interface Restartable {
    void restart(long nowNs);
}
