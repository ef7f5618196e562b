package warden.launcher.cli;

import java.util.Map;

/**
 * The value of {@code --shard}: {@code I/N}, or {@code auto/N} where I is the array index the
 * scheduler gives the job: {@value #SLURM} (a Slurm job array, {@code --array=0-(N-1)}) or
 * {@value #K8S} (a Kubernetes Job with {@code completionMode: Indexed}).
 *
 * [impl->dsn~campaign.shard-auto~1]
 */
final class ShardOption {
    static final String SLURM = "SLURM_ARRAY_TASK_ID";
    static final String SLURM_COUNT = "SLURM_ARRAY_TASK_COUNT";
    static final String K8S = "JOB_COMPLETION_INDEX";

    private ShardOption() {
    }

    /** @return {index, count}; {0, 1} when the option was not given */
    static int[] parse(String value, Map<String, String> env) throws UsageError {
        if (value == null) {
            return new int[] {0, 1};
        }
        String[] parts = value.split("/", -1);
        int n = parts.length == 2 ? number(parts[1]) : -1;
        if (n < 1 || n > 10_000) {
            throw new UsageError("--shard: '" + value + "' is not I/N or auto/N with 1 <= N <= 10000 (e.g. 0/4)");
        }
        if (!parts[0].equals("auto")) {
            int i = number(parts[0]);
            if (i < 0 || i >= n) {
                throw new UsageError("--shard: '" + value + "' is not I/N with 0 <= I < N (e.g. 0/4)");
            }
            return new int[] {i, n};
        }
        String name = env.get(SLURM) != null ? SLURM : env.get(K8S) != null ? K8S : null;
        if (name == null) {
            throw new UsageError("--shard auto/" + n + ": neither " + SLURM + " (Slurm job array) nor " + K8S
                    + " (Kubernetes Indexed Job) is set; give the index as I/" + n);
        }
        int i = number(env.get(name));
        if (i < 0 || i >= n) {
            throw new UsageError("--shard auto/" + n + ": " + name + " is '" + env.get(name) + "', not 0.." + (n - 1)
                    + (name.equals(SLURM) ? " (submit with --array=0-" + (n - 1) + ")" : " (completions: " + n + ")"));
        }
        String count = env.get(SLURM_COUNT);
        if (name.equals(SLURM) && count != null && number(count) != n) {
            throw new UsageError("--shard auto/" + n + ": the Slurm array has " + SLURM_COUNT + "=" + count
                    + " tasks, not " + n);
        }
        return new int[] {i, n};
    }

    /** @return the decimal number, or -1 when it is not one */
    private static int number(String s) {
        if (s == null || s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }
}
