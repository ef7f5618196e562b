/**
 * A register-level CAN controller, the CAN bus it sits on and a deterministic traffic generator
 * (requirements/devices.md). Written for this project from public descriptions of CAN controllers
 * (the Bosch M_CAN as documented in Microchip's SAM data sheets, the NXP SJA1000 bit-timing
 * registers as explained by Kvaser) and the ISO 11898-1 fault-confinement rules; each class names
 * the facts it takes and where from. No code or text is copied from those sources.
 *
 * <p>Style of the emulation core: every frame slot, mailbox and FIFO entry is allocated when a
 * device is built, never per frame; every loop is bounded by a fixed table size; the only time is
 * the engine's virtual time; the only randomness is a seeded {@link warden.emu.SplitMix64}.
 */
package warden.emu.dev.can;
