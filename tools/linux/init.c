/*
 * Warden's init for the Linux rich-OS partition on RISC-V (issue 18). Static, against Debian's
 * libc6-dev-riscv64-cross; built into the kernel's initramfs by tools/linux/build.sh.
 *
 * It mounts proc, prints the marker "warden-init: userspace" (the run summary's time-to-userspace), the kernel's
 * view (/proc/cpuinfo, /proc/interrupts, /proc/uptime), runs a small workload (touches memory, uses the FPU,
 * reads the UART without blocking), then runs the commands given on the kernel command line as
 * warden.cmd=a,b,c:
 *   poweroff   SBI system reset through reboot(2)
 *   panic      init exits, so the kernel panics ("Attempted to kill init")
 *   hang       spins for ever with interrupts on (a hung rich OS)
 *   wild       writes through a wild pointer (init is killed, the kernel panics)
 *   cat:PATH   prints a file
 *   alive      prints a heartbeat line every second, for ever (the default when no command is given)
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <time.h>
#include <unistd.h>

static void say(const char *msg) {
    fputs(msg, stdout);
    fflush(stdout);
}

static void cat(const char *path) {
    char buf[512];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("warden-init: cannot open %s: %s\n", path, strerror(errno));
        fflush(stdout);
        return;
    }
    printf("warden-init: --- %s ---\n", path);
    fflush(stdout);
    for (int i = 0; i < 1024; i++) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) {
            break;
        }
        fwrite(buf, 1, (size_t) n, stdout);
    }
    fflush(stdout);
    close(fd);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Touches 1 MiB page by page, sums it in floating point, and polls the console (the UART) once. */
static void workload(void) {
    size_t size = 1 << 20;
    volatile unsigned char *mem = malloc(size);
    if (mem == NULL) {
        say("warden-init: workload: no memory\n");
        return;
    }
    double t0 = now();
    for (size_t i = 0; i < size; i += 4096) {
        mem[i] = (unsigned char) (i >> 12);
    }
    double sum = 0.0;
    for (size_t i = 0; i < size; i += 4096) {
        sum += (double) mem[i] * 0.5;
    }
    struct pollfd pfd = {.fd = 0, .events = POLLIN};
    int ready = poll(&pfd, 1, 10);
    char in[16];
    ssize_t got = 0;
    if (ready > 0) {
        got = read(0, in, sizeof in);
    }
    printf("warden-init: workload touched %zu KiB, fp sum %.1f, uart bytes %zd, %.3f s\n",
           size >> 10, sum, got, now() - t0);
    fflush(stdout);
    free((void *) mem);
}

static void alive(void) {
    for (unsigned long n = 1;; n++) {
        sleep(1);
        printf("warden-init: alive %lu\n", n);
        fflush(stdout);
    }
}

static void run(const char *cmd) {
    printf("warden-init: command %s\n", cmd);
    fflush(stdout);
    if (strcmp(cmd, "poweroff") == 0) {
        sync();
        reboot(RB_POWER_OFF);
    } else if (strcmp(cmd, "panic") == 0) {
        exit(1);
    } else if (strcmp(cmd, "hang") == 0) {
        for (;;) {
            __asm__ volatile("" ::: "memory");
        }
    } else if (strcmp(cmd, "wild") == 0) {
        volatile int *wild = (volatile int *) (uintptr_t) strtoul("16", NULL, 10);
        *wild = 0x57;
    } else if (strncmp(cmd, "cat:", 4) == 0) {
        cat(cmd + 4);
    } else if (strcmp(cmd, "alive") == 0) {
        alive();
    } else {
        printf("warden-init: unknown command %s\n", cmd);
        fflush(stdout);
    }
}

int main(void) {
    say("warden-init: userspace\n");
    if (mount("proc", "/proc", "proc", 0, NULL) != 0) {
        printf("warden-init: mount proc: %s\n", strerror(errno));
    }
    cat("/proc/cpuinfo");
    cat("/proc/interrupts");
    cat("/proc/uptime");
    workload();
    char cmdline[1024] = {0};
    int fd = open("/proc/cmdline", O_RDONLY);
    if (fd >= 0) {
        ssize_t n = read(fd, cmdline, sizeof cmdline - 1);
        cmdline[n > 0 ? n : 0] = 0;
        close(fd);
    }
    char *cmds = strstr(cmdline, "warden.cmd=");
    if (cmds == NULL) {
        alive();
    }
    cmds += strlen("warden.cmd=");
    cmds[strcspn(cmds, " \n")] = 0;
    for (char *save = NULL, *c = strtok_r(cmds, ",", &save); c != NULL; c = strtok_r(NULL, ",", &save)) {
        run(c);
    }
    say("warden-init: done\n");
    alive();
    return 0;
}
