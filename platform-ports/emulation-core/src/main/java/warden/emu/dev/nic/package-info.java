/**
 * A register-level Ethernet controller with descriptor rings in guest memory and DMA through the
 * board's isolation check, the boards' set of them, and a deterministic frame generator
 * (requirements/devices.md, the NIC part). Written for this project from the public concepts of
 * Intel's 8254x ("e1000") software developer's manual and IEEE 802.3's frame format; each class
 * names the facts it takes. No code or text is copied from those sources.
 *
 * <p>Style of the emulation core: every buffer is allocated when a device is built, never per
 * frame; every loop is bounded by a fixed size; the only time is the engine's virtual time; the
 * only randomness is a seeded {@link warden.emu.SplitMix64}.
 */
package warden.emu.dev.nic;
