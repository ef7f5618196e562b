package warden.launcher.config;

/**
 * A rich OS's CAN transmissions through the mediated device calls: an 8-byte standard frame with
 * identifier {@code id} from transmit mailbox {@code mailbox} of {@code device} every {@code periodNs}.
 *
 * [impl->dsn~emu.guest.can-mediated~1]
 */
public record CanTxSpec(String device, int mailbox, int id, long periodNs, Loc loc) {
}
