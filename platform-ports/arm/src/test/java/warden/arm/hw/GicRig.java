package warden.arm.hw;

/**
 * A GIC for interrupt-controller tests: 128 INTIDs, two PEs, the distributor with Group 0 and both
 * Group 1 enabled, each CPU interface with the lowest priority mask and every group enabled.
 */
final class GicRig {
    final TransactionSecurity sec = new TransactionSecurity();
    final GicState state = new GicState(128, 2);
    final GicDistributor distributor = new GicDistributor(state, sec);
    final GicCpuInterface[] cpus = {new GicCpuInterface(state, 0), new GicCpuInterface(state, 1)};
    final ArmInterruptController ic;

    GicRig() {
        distributor.write(0, 4, 7, 0);
        for (GicCpuInterface c : cpus) {
            c.writePmr(0xF8, false);
            c.writeIgrpen0(true);
            c.writeIgrpen1(false, true);
            c.writeIgrpen1(true, true);
        }
        ic = new ArmInterruptController(state, distributor, cpus, sec);
    }
}
