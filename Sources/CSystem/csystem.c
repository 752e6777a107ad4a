#define _GNU_SOURCE
#include "csystem.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int sitegen_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

long long sitegen_copy_range(int from, long long offset, int to, long long length) {
    long long done = 0;
    off_t in = (off_t)offset;
    // In the kernel where it can (no copy through user memory); else read and write.
    while (done < length) {
        ssize_t n = copy_file_range(from, &in, to, NULL, (size_t)(length - done), 0);
        if (n > 0) { done += n; continue; }
        if (n == 0) return done;
        if (errno == EINTR) continue;
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP) return -1;
        char buffer[1 << 16];
        while (done < length) {
            size_t want = (size_t)(length - done) < sizeof buffer ? (size_t)(length - done) : sizeof buffer;
            ssize_t r = pread(from, buffer, want, in);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) return r < 0 ? -1 : done;
            ssize_t written = 0;
            while (written < r) {
                ssize_t w = write(to, buffer + written, (size_t)(r - written));
                if (w < 0 && errno == EINTR) continue;
                if (w < 0) return -1;
                written += w;
            }
            in += r;
            done += r;
        }
    }
    return done;
}
