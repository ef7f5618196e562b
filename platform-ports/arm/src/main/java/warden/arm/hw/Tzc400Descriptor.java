package warden.arm.hw;

/**
 * Register map and field layout of the CoreLink TZC-400 TrustZone Address Space Controller
 * (TZC-400 TRM, Arm DDI 0504, §3.1 "Register summary", §3.3 register descriptions). Only offsets,
 * bit positions and decoders; no state.
 *
 * <pre>
 *  0x000 BUILD_CONFIG   no_of_filters[25:24] address_width[13:8] no_of_regions[4:0] (regions - 1)
 *  0x004 ACTION         reaction_value[1:0]: 0 OKAY+TZCINT low, 1 SLVERR, 2 TZCINT high, 3 both
 *  0x008 GATE_KEEPER    0x010 INT_STATUS overlap[19:16] overrun[11:8] status[3:0]   0x014 INT_CLEAR
 *  0x020 FAIL_ADDRESS_LOW_0  0x024 FAIL_ADDRESS_HIGH_0  0x028 FAIL_CONTROL_0 (write[24], non_secure[21])
 *  0x02C FAIL_ID_0
 *  region n (0..8) at 0x100 + 0x20 * n:
 *   +0x00 REGION_BASE_LOW_n  [31:12]      +0x04 REGION_BASE_HIGH_n
 *   +0x08 REGION_TOP_LOW_n   [31:12], [11:0] read as 0xFFF            +0x0C REGION_TOP_HIGH_n
 *   +0x10 REGION_ATTRIBUTES_n  s_wr_en[31] s_rd_en[30] filter_en[3:0]
 *   +0x14 REGION_ID_ACCESS_n   nsaid_wr_en[31:16] nsaid_rd_en[15:0]
 * </pre>
 * Region 0 is the background region: it always covers the whole address space and is always
 * enabled; only its attributes' s_wr_en/s_rd_en and its ID access register are writable.
 */
public final class Tzc400Descriptor {
    public static final int REGIONS = 9;
    public static final long GRANULE = 0x1000L;
    public static final long SIZE = 0x1000L;

    public static final long BUILD_CONFIG = 0x000;
    public static final long ACTION = 0x004;
    public static final long GATE_KEEPER = 0x008;
    public static final long INT_STATUS = 0x010;
    public static final long INT_CLEAR = 0x014;
    public static final long FAIL_ADDRESS_LOW = 0x020;
    public static final long FAIL_ADDRESS_HIGH = 0x024;
    public static final long FAIL_CONTROL = 0x028;
    public static final long FAIL_ID = 0x02C;
    public static final long REGION_FIRST = 0x100;
    public static final long REGION_STRIDE = 0x20;
    public static final int BASE_LOW = 0x00;
    public static final int BASE_HIGH = 0x04;
    public static final int TOP_LOW = 0x08;
    public static final int TOP_HIGH = 0x0C;
    public static final int ATTRIBUTES = 0x10;
    public static final int ID_ACCESS = 0x14;

    public static final int S_WR_EN = 1 << 31;
    public static final int S_RD_EN = 1 << 30;
    public static final int FILTER_EN_MASK = 0xF;
    public static final int NSAID_WR_SHIFT = 16;
    public static final int NSAID_RD_SHIFT = 0;

    public static final int ACTION_NONE = 0;
    public static final int ACTION_ERR = 1;
    public static final int ACTION_INT = 2;
    public static final int ACTION_ERR_INT = 3;

    public static final int INT_STATUS_OVERLAP_SHIFT = 16;
    public static final int INT_STATUS_OVERRUN_SHIFT = 8;
    public static final int FAIL_CONTROL_WRITE = 1 << 24;
    public static final int FAIL_CONTROL_NON_SECURE = 1 << 21;

    private Tzc400Descriptor() {
    }

    /** @return the region a register offset belongs to, or -1. */
    public static int region(long offset) {
        if (offset < REGION_FIRST || offset >= REGION_FIRST + REGIONS * REGION_STRIDE) {
            return -1;
        }
        return (int) ((offset - REGION_FIRST) / REGION_STRIDE);
    }

    /** @return the offset of register {@code reg} (BASE_LOW ... ID_ACCESS) of region {@code n}. */
    public static long offset(int n, int reg) {
        return REGION_FIRST + n * REGION_STRIDE + reg;
    }

    /** @return the ID access bits that let NSAID {@code nsaid} read and/or write. */
    public static int idAccess(int nsaid, boolean read, boolean write) {
        return (read ? 1 << (NSAID_RD_SHIFT + nsaid) : 0) | (write ? 1 << (NSAID_WR_SHIFT + nsaid) : 0);
    }
}
